import Kafka
import Logging

/// A replay's view of its consumer's events. The replay reads in its own
/// group, so several processes with the same arguments share the partitions;
/// this filter passes on only messages inside the plan's ranges, marks a
/// partition finished once it reached the end of its range — a message at
/// `end - 1` or past it, or end-of-partition at or past `end` — and pauses
/// it until it is revoked (then it must be seen to the end again). It keeps
/// passing events on after that, since rebalances must still be handled
/// while the last work is committed; `ReplayJob` ends the run.
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
        var toPause: Set<KafkaTopicPartition> = []

        mutating func next() async throws -> KafkaConsumerEvent? {
            while true {
                pausePending()
                guard let event = try await base.next() else { return nil }
                switch event {
                case .partitionsAssigned(let partitions):
                    assigned.formUnion(partitions)
                    // Nothing to do where the range was done before, or outside the plan.
                    for partition in partitions where (ranges[partition]?.remaining ?? 0) == 0 {
                        finish(partition)
                    }
                    toPause.formUnion(partitions.filter { finished.contains($0) })
                    tracker.assigned(partitions)
                    return event
                case .partitionsRevoked(let revocation):
                    // Whoever gets them next reads on from the group's committed
                    // offset, which may be short of the end if the last commit
                    // was refused in the rebalance: finished only once seen again.
                    assigned.subtract(revocation.partitions)
                    finished.subtract(revocation.partitions)
                    toPause.subtract(revocation.partitions)
                    tracker.revoked(revocation.partitions)
                    return event
                case .partitionEOF(let position):
                    if let range = ranges[position.topicPartition], position.offset.rawValue >= range.end {
                        finish(position.topicPartition)
                    }
                case .messages(let batch):
                    var inRange: [KafkaMessage] = []
                    inRange.reserveCapacity(batch.count)
                    var last: [KafkaTopicPartition: Int64] = [:]
                    var ended: Set<KafkaTopicPartition> = []
                    for message in batch {
                        let partition = message.topicPartition
                        guard !finished.contains(partition), let range = ranges[partition] else { continue }
                        let offset = message.offset.rawValue
                        if offset >= range.start && offset < range.end {
                            inRange.append(message)
                            last[partition] = offset
                        }
                        if offset + 1 >= range.end { ended.insert(partition) }
                    }
                    // What is handed on is recorded before a partition is
                    // finished: `ReplayJob` ends the run once every finished
                    // partition is committed past it, and must not see one
                    // finished with its last messages unrecorded.
                    for (partition, offset) in last { tracker.handedOn(partition, through: offset) }
                    for partition in ended.sorted(by: { $0.partition < $1.partition }) { finish(partition) }
                    if !inRange.isEmpty { return .messages(inRange) }
                default:
                    return event
                }
            }
        }

        private mutating func finish(_ partition: KafkaTopicPartition) {
            guard finished.insert(partition).inserted else { return }
            toPause.insert(partition)
            tracker.finished(partition)
        }

        /// Finished partitions stop fetching; after the core has handled an
        /// assignment (it resumes what it is given), so a finished partition
        /// handed back stays paused.
        private mutating func pausePending() {
            let partitions = toPause.filter { assigned.contains($0) }.sorted { $0.partition < $1.partition }
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
