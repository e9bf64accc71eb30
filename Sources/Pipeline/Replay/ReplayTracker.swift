import Kafka
import Synchronization

/// What one replay process knows of its progress, shared between the event
/// filter (which partitions it holds, which reached the end of their range,
/// how far it handed messages on), the job that ends the run once all of it
/// is committed, and whoever shows progress.
public final class ReplayTracker: Sendable {
    /// A point-in-time copy.
    public struct Snapshot: Sendable, Hashable {
        /// Partitions assigned to this process now.
        public var assigned: Set<KafkaTopicPartition> = []
        /// Partitions this process holds and has seen through to the end of their range.
        public var finished: Set<KafkaTopicPartition> = []
        /// Offsets left at the start in every partition this process was given.
        public var total: Int64 = 0
        /// When the group first gave this process partitions (the work's start, for rates).
        public var firstAssigned: ContinuousClock.Instant?
        /// Every partition this process holds is finished (and it is not
        /// between a revocation and the assignment that follows).
        public var complete = false
        /// The last offset handed to the stream core, per partition.
        public var handedOn: [KafkaTopicPartition: Int64] = [:]
    }

    private struct State {
        var snapshot = Snapshot()
        var counted: Set<KafkaTopicPartition> = []
        var awaitingAssignment = true

        mutating func update() {
            // An empty assignment is not "nothing left": brokers hand one out
            // while a new topic's metadata settles, and to members beyond the
            // partition count, who stand by for partitions that move.
            snapshot.complete = !awaitingAssignment && !snapshot.assigned.isEmpty && snapshot.assigned.isSubset(of: snapshot.finished)
        }
    }

    private let state = Mutex(State())
    private let remaining: [KafkaTopicPartition: Int64]
    /// Yields after every assignment, revocation, finished partition and accepted commit.
    let changes: AsyncStream<Void>
    private let changed: AsyncStream<Void>.Continuation

    init(plan: ReplayPlan) {
        remaining = Dictionary(uniqueKeysWithValues: plan.ranges.map { ($0.topicPartition, $0.remaining) })
        (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
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
            state.awaitingAssignment = false
            state.update()
        }
        changed.yield()
    }

    func revoked(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            state.snapshot.assigned.subtract(partitions)
            state.snapshot.finished.subtract(partitions)
            state.awaitingAssignment = true
            state.update()
        }
        changed.yield()
    }

    func finished(_ partition: KafkaTopicPartition) {
        state.withLock { state in
            state.snapshot.finished.insert(partition)
            state.update()
        }
        changed.yield()
    }

    /// The group accepted a commit of this process.
    func committed() {
        changed.yield()
    }

    func handedOn(_ partition: KafkaTopicPartition, through offset: Int64) {
        state.withLock { state in
            state.snapshot.handedOn[partition] = max(offset, state.snapshot.handedOn[partition] ?? offset)
        }
    }
}
