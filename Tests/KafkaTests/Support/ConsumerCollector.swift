import Kafka

/// Reads a consumer's events until `count` messages have arrived, recording
/// rebalances and errors, with a deadline.
enum ConsumerCollector {
    struct Collected: Sendable {
        var messages: [KafkaMessage] = []
        var assigned: [[KafkaTopicPartition]] = []
        var revoked: [KafkaRevocation] = []
        var errors: [KafkaError] = []
    }

    static func collect(
        _ consumer: KafkaConsumer,
        count: Int,
        timeout: Duration = .seconds(60),
        onBatch: @escaping @Sendable ([KafkaMessage]) async throws -> Void = { _ in }
    ) async throws -> Collected {
        try await Eventually.within(timeout, "\(count) messages") {
            var collected = Collected()
            for try await event in consumer.events {
                switch event {
                case .messages(let batch):
                    collected.messages += batch
                    try await onBatch(batch)
                case .partitionsAssigned(let partitions):
                    collected.assigned.append(partitions)
                case .partitionsRevoked(let revocation):
                    collected.revoked.append(revocation)
                case .error(let error):
                    collected.errors.append(error)
                case .partitionEOF:
                    break
                }
                if collected.messages.count >= count { break }
            }
            return collected
        }
    }
}
