import Kafka
import Synchronization

/// What one replay process knows of its progress, shared between the event
/// filter (which partitions it holds, which reached their end) and whoever
/// shows progress: partitions assigned and finished, and the offsets they
/// add up to.
public final class ReplayTracker: Sendable {
    /// A point-in-time copy.
    public struct Snapshot: Sendable, Hashable {
        /// Partitions assigned to this process now.
        public var assigned: Set<KafkaTopicPartition> = []
        /// Partitions this process has seen through to the end of their range.
        public var finished: Set<KafkaTopicPartition> = []
        /// Offsets left at the start in every partition this process was given.
        public var total: Int64 = 0
        /// When the group first gave this process partitions (the work's start, for rates).
        public var firstAssigned: ContinuousClock.Instant?
        /// The run ended because every partition it held was finished
        /// (false: it was stopped first, e.g. by SIGTERM).
        public var complete = false
    }

    private struct State {
        var snapshot = Snapshot()
        var counted: Set<KafkaTopicPartition> = []
    }

    private let state = Mutex(State())
    private let remaining: [KafkaTopicPartition: Int64]

    init(plan: ReplayPlan) {
        remaining = Dictionary(uniqueKeysWithValues: plan.ranges.map { ($0.topicPartition, $0.remaining) })
    }

    public var snapshot: Snapshot { state.withLock { $0.snapshot } }

    func assigned(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            if state.snapshot.firstAssigned == nil { state.snapshot.firstAssigned = .now }
            for partition in partitions {
                state.snapshot.assigned.insert(partition)
                if state.counted.insert(partition).inserted {
                    state.snapshot.total += remaining[partition] ?? 0
                }
            }
        }
    }

    func revoked(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions { state.snapshot.assigned.remove(partition) }
        }
    }

    func finished(_ partition: KafkaTopicPartition) {
        state.withLock { _ = $0.snapshot.finished.insert(partition) }
    }

    func completed() {
        state.withLock { $0.snapshot.complete = true }
    }
}
