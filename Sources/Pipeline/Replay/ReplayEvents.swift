import Kafka
import Logging

/// A replay's view of its consumer's events. The replay reads in its own
/// group, so several processes with the same arguments share the partitions;
/// this filter passes on only messages inside the plan's ranges and ends the
/// sequence (and so the stream core, which then drains and commits) once
/// every partition this process holds has reached the end of its range — a
/// message at `end - 1` or past it, or end-of-partition at or past `end`.
///
/// With an eager assignment strategy every rebalance revokes everything and
/// then assigns afresh, so the sequence never ends between the two.
struct ReplayEvents<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == KafkaConsumerEvent {
    typealias Element = KafkaConsumerEvent

    let base: Base
    let consumer: KafkaConsumer
    let ranges: [KafkaTopicPartition: ReplayPlan.Range]
    let tracker: ReplayTracker
    let logger: Logger

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let consumer: KafkaConsumer
        let ranges: [KafkaTopicPartition: ReplayPlan.Range]
        let tracker: ReplayTracker
        let logger: Logger
        var assigned: Set<KafkaTopicPartition> = []
        var finished: Set<KafkaTopicPartition> = []
        var toPause: [KafkaTopicPartition] = []
        var awaitingAssignment = true

        mutating func next() async throws -> KafkaConsumerEvent? {
            while true {
                pausePending()
                if !awaitingAssignment && assigned.isSubset(of: finished) {
                    tracker.completed()
                    return nil
                }
                guard let event = try await base.next() else { return nil }
                switch event {
                case .partitionsAssigned(let partitions):
                    assigned.formUnion(partitions)
                    awaitingAssignment = false
                    tracker.assigned(partitions)
                    for partition in partitions {
                        // Nothing to do here: done before, or outside the plan.
                        guard let range = ranges[partition], range.remaining > 0 else {
                            finish(partition)
                            continue
                        }
                        if finished.contains(partition) { toPause.append(partition) }
                    }
                    return event
                case .partitionsRevoked(let revocation):
                    assigned.subtract(revocation.partitions)
                    tracker.revoked(revocation.partitions)
                    awaitingAssignment = true
                    return event
                case .partitionEOF(let position):
                    if let range = ranges[position.topicPartition], position.offset.rawValue >= range.end {
                        finish(position.topicPartition)
                    }
                case .messages(let batch):
                    var inRange: [KafkaMessage] = []
                    inRange.reserveCapacity(batch.count)
                    for message in batch {
                        let partition = message.topicPartition
                        guard !finished.contains(partition), let range = ranges[partition] else { continue }
                        let offset = message.offset.rawValue
                        if offset >= range.start && offset < range.end { inRange.append(message) }
                        if offset + 1 >= range.end { finish(partition) }
                    }
                    if !inRange.isEmpty { return .messages(inRange) }
                default:
                    return event
                }
            }
        }

        private mutating func finish(_ partition: KafkaTopicPartition) {
            guard finished.insert(partition).inserted else { return }
            tracker.finished(partition)
            toPause.append(partition)
        }

        /// Finished partitions stop fetching; after the core has handled an
        /// assignment (it resumes what it is given), so a finished partition
        /// handed back stays paused.
        private mutating func pausePending() {
            let partitions = toPause.filter { assigned.contains($0) }
            toPause = []
            guard !partitions.isEmpty else { return }
            do {
                try consumer.pause(partitions)
            } catch {
                // Not fatal: messages past the end are dropped here anyway.
                logger.debug("could not pause finished partitions \(partitions): \(error)")
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), consumer: consumer, ranges: ranges, tracker: tracker, logger: logger)
    }
}
