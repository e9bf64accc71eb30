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
        consumerConfiguration.properties = configuration.kafkaProperties
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServers)
        producerConfiguration.properties = configuration.kafkaProperties

        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        do {
            try consumer.subscribe(topics: configuration.inputTopics)
            logger.info("worker started", metadata: ["group": "\(configuration.group)", "topics": "\(configuration.inputTopics)"])
            for try await event in consumer.events.cancelOnGracefulShutdown() {
                try await handle(event, consumer: consumer, producer: producer)
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

    private func handle(_ event: KafkaConsumerEvent, consumer: KafkaConsumer, producer: KafkaProducer) async throws {
        switch event {
        case .messages(let batch):
            let processed = await PartitionLanes.process(batch, with: configuration.processor)
            let reports = try await producer.send(processed.flatMap(\.outputs)).reports()
            if let failed = reports.first(where: { !$0.isDelivered }) {
                throw WorkerError.publishFailed(failed.description)
            }
            let offsets = Self.nextOffsets(of: batch)
            try await consumer.commit(offsets)
            counters.record(processed, committed: offsets.count)
        case .partitionsAssigned(let partitions):
            logger.info("partitions assigned", metadata: ["partitions": "\(partitions)"])
        case .partitionsRevoked(let revocation):
            // Every batch of these partitions was published and committed before this event.
            logger.info("partitions revoked", metadata: ["partitions": "\(revocation.partitions)", "lost": "\(revocation.lost)"])
        case .partitionEOF:
            break
        case .error(let error):
            logger.warning("consumer error: \(error)")
        }
    }

    /// The offset to commit per partition: one past the batch's last message there.
    static func nextOffsets(of batch: [KafkaMessage]) -> [KafkaPartitionOffset] {
        var last: [KafkaTopicPartition: KafkaPartitionOffset] = [:]
        for message in batch {
            last[message.topicPartition] = message.commitOffset
        }
        return last.values.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
    }
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
