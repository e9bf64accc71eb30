import Kafka

/// Reads a consumer's events until `count` messages have arrived, recording
/// rebalances and errors, with a deadline.
public enum ConsumerCollector {
    /// The messages, rebalances and errors seen before `count` messages arrived.
    public struct Collected: Sendable {
        public var messages: [KafkaMessage] = []
        public var assigned: [[KafkaTopicPartition]] = []
        public var revoked: [KafkaRevocation] = []
        public var errors: [KafkaError] = []
    }

    public static func collect(
        _ consumer: KafkaConsumer,
        count: Int,
        timeout: Duration = .seconds(60),
        onBatch: @escaping @Sendable ([KafkaMessage]) async throws -> Void = { _ in }
    ) async throws -> Collected {
        try await withDeadline("\(count) messages", within: timeout) {
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
                if collected.messages.count >= count { return collected }
            }
            throw EventsEnded(what: "\(count) messages", collected: collected.messages.count)
        }
    }

    /// The consumer's events ended (it was closed or failed) before enough
    /// messages arrived.
    public struct EventsEnded: Error, CustomStringConvertible {
        public var what: String
        public var collected: Int
        public var description: String { "the consumer's events ended after \(collected) messages, while waiting for \(what)" }
    }
}
