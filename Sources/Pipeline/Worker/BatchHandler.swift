import Kafka

/// Handles one consumed batch the way every Newswire consumer must: run the
/// stages (one lane per partition), publish every output and dead letter,
/// wait for the broker to acknowledge all of them, and only then commit the
/// batch's offsets. Shared by the worker and replay.
struct BatchHandler: Sendable {
    let processor: MessageProcessor
    let consumer: KafkaConsumer
    let producer: KafkaProducer

    /// Returns what each message became and the offsets committed.
    func handle(_ batch: [KafkaMessage]) async throws -> (processed: [ProcessedMessage], committed: [KafkaPartitionOffset]) {
        let processed = await PartitionLanes.process(batch, with: processor)
        let reports = try await producer.send(processed.flatMap(\.outputs)).reports()
        if let failed = reports.first(where: { !$0.isDelivered }) {
            throw WorkerError.publishFailed(failed.description)
        }
        let offsets = Self.nextOffsets(of: batch)
        try await consumer.commit(offsets)
        return (processed, offsets)
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
