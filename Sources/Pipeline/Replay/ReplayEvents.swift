import Kafka
import Logging

/// A replay's view of its consumer's events: only messages inside the plan's
/// ranges, ending once every partition reached the end of its range (a
/// message at `end - 1`, or end-of-partition at or past `end`). The stream
/// core drains, commits and stops when it ends.
struct ReplayEvents: AsyncSequence, Sendable {
    typealias Element = KafkaConsumerEvent

    let base: KafkaConsumerEvents
    let consumer: KafkaConsumer
    let ends: [KafkaTopicPartition: Int64]
    let logger: Logger

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: KafkaConsumerEvents.AsyncIterator
        let consumer: KafkaConsumer
        var remaining: [KafkaTopicPartition: Int64]
        let logger: Logger

        mutating func next() async throws -> KafkaConsumerEvent? {
            while !remaining.isEmpty, let event = try await base.next() {
                switch event {
                case .partitionEOF(let position):
                    if let end = remaining[position.topicPartition], position.offset.rawValue >= end {
                        finish([position.topicPartition])
                    }
                case .messages(let batch):
                    let inRange = batch.filter { message in
                        remaining[message.topicPartition].map { message.offset.rawValue < $0 } ?? false
                    }
                    let finished = remaining.filter { partition, end in
                        batch.contains { $0.topicPartition == partition && $0.offset.rawValue + 1 >= end }
                    }.map(\.key)
                    finish(finished)
                    if !inRange.isEmpty { return .messages(inRange) }
                default:
                    return event
                }
            }
            return nil
        }

        private mutating func finish(_ partitions: [KafkaTopicPartition]) {
            guard !partitions.isEmpty else { return }
            for partition in partitions { remaining[partition] = nil }
            do {
                try consumer.pause(partitions)
            } catch {
                // Not fatal: messages past the end are filtered out anyway.
                logger.debug("could not pause finished partitions \(partitions): \(error)")
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), consumer: consumer, remaining: ends, logger: logger)
    }
}
