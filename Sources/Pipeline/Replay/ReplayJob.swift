import Kafka
import Logging

/// Re-runs a planned range of an input topic through the stages, in its own
/// consumer group (so the live workers' offsets are untouched), publishing to
/// the topics of the chosen output version, and ends when every partition has
/// reached the end of its range. Dead letters re-driven this way count their
/// attempts on; a message that fails again becomes a new dead letter.
public struct ReplayJob: Sendable {
    public var bootstrapServers: String
    public var group: String
    public var processor: MessageProcessor
    public var kafkaProperties: [String: String]

    public init(bootstrapServers: String, group: String, processor: MessageProcessor, kafkaProperties: [String: String] = [:]) {
        self.bootstrapServers = bootstrapServers
        self.group = group
        self.processor = processor
        self.kafkaProperties = kafkaProperties
    }

    public func makeConsumer(logger: Logger) throws -> KafkaConsumer {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: group)
        configuration.properties = kafkaProperties
        configuration.properties["enable.auto.commit"] = "false"
        configuration.properties["enable.auto.offset.store"] = "false"
        // End-of-partition events end a range whose last offsets hold no data
        // message (transaction markers, compacted records).
        configuration.enablePartitionEOF = true
        return try KafkaConsumer(configuration: configuration, logger: logger)
    }

    /// Runs `plan` with `consumer` (from `makeConsumer`) on the stream core
    /// and returns the totals once every message in range is committed.
    public func run(_ plan: ReplayPlan, consumer: KafkaConsumer, logger: Logger, settings: StreamSettings = StreamSettings()) async throws
        -> WorkerCounters.Totals
    {
        let ranges = plan.ranges.filter { $0.count > 0 }
        let counters = WorkerCounters()
        guard !ranges.isEmpty else {
            await consumer.close()
            return counters.current
        }
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: bootstrapServers)
        producerConfiguration.properties = kafkaProperties
        // A bounded job ends when its range is done, however long the last
        // messages take: no drain deadline cuts it short.
        var settings = settings
        settings.drainTimeout = Self.noDeadline
        let core = StreamCore(
            processor: processor, consumer: consumer, producerConfiguration: producerConfiguration, settings: settings,
            counters: counters, logger: logger
        )
        let events = ReplayEvents(
            base: consumer.events, consumer: consumer,
            ends: Dictionary(uniqueKeysWithValues: ranges.map { ($0.topicPartition, $0.end) }), logger: logger
        )
        do {
            try consumer.assign(ranges.map { KafkaPartitionOffset(topicPartition: $0.topicPartition, offset: KafkaOffset($0.start)) })
            try await core.run(events: events, assigned: ranges.map(\.topicPartition), shutdownGrace: Self.noDeadline)
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        let totals = counters.current
        guard totals.committed >= totals.consumed else {
            throw ReplayError.unfinished(consumed: totals.consumed, committed: totals.committed)
        }
        return totals
    }

    private static let noDeadline = Duration.seconds(7 * 24 * 3600)
}
