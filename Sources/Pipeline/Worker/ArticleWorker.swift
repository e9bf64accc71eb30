import Foundation
import Kafka
import Logging
import ServiceLifecycle
import Synchronization

/// The worker: reads raw articles in a consumer group and runs them through
/// the stream core — the stages on every core, outputs published in
/// partition order, offsets committed only once every output of a message
/// and of every earlier one is acknowledged (at-least-once), memory bounded
/// by bytes with paused partitions, rebalances drained within a deadline.
///
/// On graceful shutdown (SIGTERM/SIGINT through ServiceLifecycle) it stops
/// fetching, lets the work in flight finish, commits, flushes the producer
/// and leaves the group, all within the shutdown grace.
public final class ArticleWorker: Service {
    public let configuration: WorkerConfiguration
    public let counters: WorkerCounters
    public let health: WorkerHealth
    private let startedAt = ContinuousClock.now
    private let logger: Logger
    private let deadLetterLogger: Logger?
    private let core: CoreSlot

    /// `deadLetterLogger` takes the one warning line per dead letter (else `logger` does).
    public init(
        configuration: WorkerConfiguration, counters: WorkerCounters = WorkerCounters(), logger: Logger = Logger(label: "newswire.worker"),
        deadLetterLogger: Logger? = nil
    ) {
        self.configuration = configuration
        self.counters = counters
        self.health = WorkerHealth(stallTimeout: configuration.stallTimeout)
        self.logger = logger
        self.deadLetterLogger = deadLetterLogger
        self.core = CoreSlot()
    }

    public func run() async throws {
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        let core = StreamCore(
            processor: configuration.processor, consumer: consumer, producerConfiguration: producerConfiguration,
            settings: configuration.stream, counters: counters, health: health, logger: logger, deadLetterLogger: deadLetterLogger
        )
        self.core.set(core)
        do {
            try consumer.subscribe(topics: configuration.inputTopics)
            logger.info("worker started", metadata: ["group": "\(configuration.group)", "topics": "\(configuration.inputTopics)"])
            try await core.run(events: consumer.events.cancelOnGracefulShutdown(), shutdownGrace: configuration.shutdownGrace)
        } catch {
            await consumer.close(timeout: closeTimeout)
            throw error
        }
        await consumer.close(timeout: closeTimeout)
        logger.info("worker stopped", metadata: ["consumed": "\(counters.current.consumed)", "committed": "\(counters.current.committed)"])
    }

    /// How long leaving the group may wait on the coordinator: what is
    /// committed is committed by then, so waiting longer only delays the exit.
    private var closeTimeout: Duration { max(.seconds(1), configuration.shutdownGrace / 4) }

    var consumerConfiguration: KafkaConsumerConfiguration {
        var consumer = KafkaConsumerConfiguration(bootstrapServers: configuration.bootstrapServers, groupID: configuration.group)
        consumer.sessionTimeout = configuration.sessionTimeout
        consumer.maxBatchSize = configuration.maxBatchSize
        consumer.statisticsInterval = configuration.statisticsInterval
        consumer.bufferedBytes = max(1 << 20, configuration.stream.maxInFlightBytes / 8)
        consumer.maxBatchBytes = max(1 << 20, configuration.stream.maxInFlightBytes / 16)
        var properties = [
            // librdkafka's prefetch queue is memory too: keep it within the budget.
            "queued.max.messages.kbytes": "\(max(1024, configuration.stream.maxInFlightBytes / 8 / 1024))"
        ]
        properties["group.instance.id"] = configuration.instanceID
        properties.merge(configuration.kafkaProperties) { _, given in given }
        // Offsets are committed explicitly, only after acknowledgement.
        properties["enable.auto.commit"] = "false"
        properties["enable.auto.offset.store"] = "false"
        consumer.properties = properties
        return consumer
    }

    var producerConfiguration: KafkaProducerConfiguration {
        var producer = KafkaProducerConfiguration(bootstrapServers: configuration.bootstrapServers)
        producer.messageTimeout = configuration.messageTimeout
        producer.linger = configuration.stream.producerLinger
        // Queue depth and broker round trips for /stats and /metrics.
        producer.statisticsInterval = configuration.statisticsInterval
        var properties = ["queue.buffering.max.kbytes": "\(max(16 << 10, configuration.stream.maxInFlightBytes * 2 / 1024))"]
        properties.merge(configuration.kafkaProperties) { _, given in given }
        producer.properties = properties
        return producer
    }

    /// The `/stats` document as of now.
    public func statsDocument() throws -> StatsDocument {
        // One snapshot of the lanes for the partitions, health and readiness alike.
        let lanes = core.value?.table.snapshot
        return try StatsDocument.make(
            configuration: configuration, counters: counters, lanes: lanes,
            health: lanes.map { health.health($0) } ?? HealthStatus(ok: true, reason: "starting"),
            readiness: lanes.map { health.readiness($0) } ?? HealthStatus(ok: false, reason: "starting"),
            uptime: .now - startedAt
        )
    }

    /// `/healthz`: unhealthy after a fatal error, an eviction, or a stall.
    public var healthStatus: HealthStatus {
        guard let core = core.value else { return HealthStatus(ok: true, reason: "starting") }
        return core.healthStatus
    }

    /// `/readyz`: in the group with partitions, a broker reachable, not draining.
    public var readiness: HealthStatus {
        guard let core = core.value else { return HealthStatus(ok: false, reason: "starting") }
        return core.readiness
    }

    /// True once the worker has partitions to work on and may take traffic.
    public var isReady: Bool { readiness.ok }
}

/// The core a worker is running, once `run()` created it; read by the stats endpoint.
private final class CoreSlot: Sendable {
    private let slot = Mutex<StreamCore?>(nil)
    var value: StreamCore? { slot.withLock { $0 } }
    func set(_ core: StreamCore) { slot.withLock { $0 = core } }
}
