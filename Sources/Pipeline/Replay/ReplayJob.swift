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
        // End-of-partition events end a range whose last offsets hold no data
        // message (transaction markers, compacted records).
        configuration.enablePartitionEOF = true
        return try KafkaConsumer(configuration: configuration, logger: logger)
    }

    /// Runs `plan` with `consumer` (from `makeConsumer`) and returns the totals.
    public func run(_ plan: ReplayPlan, consumer: KafkaConsumer, logger: Logger) async throws -> WorkerCounters.Totals {
        let counters = WorkerCounters()
        var remaining = Dictionary(uniqueKeysWithValues: plan.ranges.filter { $0.count > 0 }.map { ($0.topicPartition, $0.end) })
        guard !remaining.isEmpty else { return counters.current }
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: bootstrapServers)
        producerConfiguration.properties = kafkaProperties
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        let batches = BatchHandler(processor: processor, consumer: consumer, producer: producer)
        do {
            try consumer.assign(plan.ranges.filter { $0.count > 0 }.map {
                KafkaPartitionOffset(topicPartition: $0.topicPartition, offset: KafkaOffset($0.start))
            })
            for try await event in consumer.events {
                if case .partitionEOF(let position) = event, let end = remaining[position.topicPartition], position.offset.rawValue >= end {
                    try consumer.pause([position.topicPartition])
                    remaining[position.topicPartition] = nil
                }
                if remaining.isEmpty { break }
                guard case .messages(let batch) = event else { continue }
                let inRange = batch.filter { message in
                    remaining[message.topicPartition].map { message.offset.rawValue < $0 } ?? false
                }
                if !inRange.isEmpty {
                    let (processed, offsets) = try await batches.handle(inRange)
                    counters.record(processed, committed: offsets.count)
                }
                let finished = remaining.filter { partition, end in
                    batch.contains { $0.topicPartition == partition && $0.offset.rawValue + 1 >= end }
                }.map(\.key)
                if !finished.isEmpty {
                    try consumer.pause(finished)
                    for partition in finished { remaining[partition] = nil }
                }
                if remaining.isEmpty { break }
            }
        } catch {
            await consumer.close()
            await producer.close()
            throw error
        }
        await consumer.close()
        await producer.close()
        return counters.current
    }
}
