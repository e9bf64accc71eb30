import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// The worker: reads raw articles in a consumer group, runs the stages with
/// one concurrent lane per partition, publishes every output (or a dead
/// letter), and commits a batch's offsets only after the broker acknowledged
/// all of its outputs — at-least-once, order kept per partition.
///
/// Batches are handled one after another, so by the time a rebalance revokes
/// partitions their work is already published and committed. On graceful
/// shutdown it stops fetching, finishes the batch in hand, commits, leaves
/// the group and flushes the producer.
public final class ArticleWorker: Service {
    public let configuration: WorkerConfiguration
    public let counters: WorkerCounters
    private let progress = PartitionProgress()
    private let startedAt = ContinuousClock.now
    private let logger: Logger

    public init(configuration: WorkerConfiguration, counters: WorkerCounters = WorkerCounters(), logger: Logger = Logger(label: "newswire.worker")) {
        self.configuration = configuration
        self.counters = counters
        self.logger = logger
    }

    public func run() async throws {
        var consumerConfiguration = KafkaConsumerConfiguration(bootstrapServers: configuration.bootstrapServers, groupID: configuration.group)
        consumerConfiguration.sessionTimeout = configuration.sessionTimeout
        consumerConfiguration.maxBatchSize = configuration.maxBatchSize
        consumerConfiguration.statisticsInterval = configuration.statisticsInterval
        consumerConfiguration.properties = configuration.kafkaProperties
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServers)
        producerConfiguration.properties = configuration.kafkaProperties

        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        do {
            try consumer.subscribe(topics: configuration.inputTopics)
            logger.info("worker started", metadata: ["group": "\(configuration.group)", "topics": "\(configuration.inputTopics)"])
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { [progress] in
                    for await statistics in consumer.statistics { progress.update(statistics) }
                }
                let batches = BatchHandler(processor: configuration.processor, consumer: consumer, producer: producer)
                for try await event in consumer.events.cancelOnGracefulShutdown() {
                    try await handle(event, batches: batches)
                }
                tasks.cancelAll()
            }
        } catch {
            await consumer.close()
            await producer.close()
            throw error
        }
        await consumer.close()
        await producer.close()
        logger.info("worker stopped", metadata: ["consumed": "\(counters.current.consumed)"])
    }

    private func handle(_ event: KafkaConsumerEvent, batches: BatchHandler) async throws {
        switch event {
        case .messages(let batch):
            progress.started(batch)
            let (processed, offsets) = try await batches.handle(batch)
            progress.committed(offsets, batch: batch)
            counters.record(processed, committed: offsets.count)
        case .partitionsAssigned(let partitions):
            progress.assigned(partitions)
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions)"])
        case .partitionsRevoked(let revocation):
            // Every batch of these partitions was published and committed before this event.
            progress.revoked(revocation.partitions)
            logger.info("partitions revoked", metadata: ["partitions": "\(revocation.partitions)", "lost": "\(revocation.lost)"])
        case .partitionEOF:
            break
        case .error(let error):
            logger.warning("consumer error: \(error)")
        }
    }

    /// The `/stats` document as of now.
    public func statsDocument() throws -> StatsDocument {
        let totals = counters.current
        let elapsed = (ContinuousClock.now - startedAt).components
        let uptime = max(0.001, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
        let processor = configuration.processor
        let failed = { (stage: DeadLetterStage) in totals.deadLettersByStage[stage, default: 0] }
        let afterNormalise = totals.consumed - failed(.normalise)
        let afterParse = afterNormalise - failed(.parse)
        let inFlight = progress.inFlight
        return StatsDocument(
            generatedAt: Date().formatted(.iso8601),
            pipelineVersion: processor.pipelineVersion,
            uptimeSeconds: uptime,
            consumerGroup: configuration.group,
            guarantee: "at-least-once",
            outputVersion: processor.enrichedVersion.description,
            topics: StatsDocument.Topics(
                input: configuration.inputTopics,
                normalised: try processor.topics.topic(for: .normalised, major: 1),
                parsed: try processor.topics.topic(for: .parsed, major: 1),
                enriched: try processor.topics.topic(for: .enriched, version: processor.enrichedVersion),
                deadLetter: processor.topics.deadLetter
            ),
            partitions: progress.snapshot,
            stages: StatsDocument.Stages(
                normalise: .init(processed: afterNormalise, failed: failed(.normalise), inFlight: inFlight),
                parse: .init(processed: afterParse, failed: failed(.parse), inFlight: inFlight),
                enrich: .init(processed: afterParse - failed(.enrich), failed: failed(.enrich), inFlight: inFlight),
                publish: .init(processed: totals.produced, failed: failed(.publish), inFlight: 0)
            ),
            inFlight: StatsDocument.InFlight(messages: inFlight, limit: configuration.maxBatchSize),
            throughput: StatsDocument.Throughput(
                windowSeconds: uptime,
                messagesPerSecond: Double(totals.consumed) / uptime,
                articlesPerSecond: Double(totals.articles) / uptime,
                bytesPerSecond: Double(totals.bytesConsumed) / uptime
            ),
            totals: StatsDocument.Totals(
                consumed: totals.consumed, committed: totals.committed, produced: totals.produced,
                deadLettered: totals.deadLettered
            )
        )
    }

    /// True once the worker has partitions to work on.
    public var isReady: Bool { !progress.snapshot.isEmpty }
}

/// Why a worker stopped.
public enum WorkerError: Error, CustomStringConvertible {
    case publishFailed(String)

    public var description: String {
        switch self {
        case .publishFailed(let report):
            "an output record could not be published (\(report)); nothing of its batch was committed, so a restart reprocesses it"
        }
    }
}
