import Kafka
import Synchronization

/// Iterates a consumer's events in a task and records them, so a test can
/// wait on conditions (counts, assignments) while the consumer keeps running.
/// `onRevoke` runs *inside* the revocation, before the partitions are released.
public final class ConsumerRecorder: Sendable {
    /// Everything recorded so far; read it through `state.withLock`.
    public struct State: Sendable {
        public var messages: [KafkaMessage] = []
        public var assignment: Set<KafkaTopicPartition> = []
        public var assignedEvents = 0
        public var revocations: [KafkaRevocation] = []
        public var errors: [KafkaError] = []
    }

    public let consumer: KafkaConsumer
    public let state = Mutex(State())
    private let onRevoke: @Sendable (KafkaRevocation, ConsumerRecorder) async throws -> Void

    public init(
        _ consumer: KafkaConsumer,
        onRevoke: @escaping @Sendable (KafkaRevocation, ConsumerRecorder) async throws -> Void = { _, _ in }
    ) {
        self.consumer = consumer
        self.onRevoke = onRevoke
    }

    /// Runs until the consumer is closed.
    public func run() async throws {
        for try await event in consumer.events {
            switch event {
            case .messages(let batch):
                state.withLock { $0.messages += batch }
            case .partitionsAssigned(let partitions):
                state.withLock {
                    $0.assignment.formUnion(partitions)
                    $0.assignedEvents += 1
                }
            case .partitionsRevoked(let revocation):
                try await onRevoke(revocation, self)
                state.withLock {
                    $0.assignment.subtract(revocation.partitions)
                    $0.revocations.append(revocation)
                }
            case .error(let error):
                state.withLock { $0.errors.append(error) }
            case .partitionEOF:
                break
            }
        }
    }

    public var messages: [KafkaMessage] { state.withLock { $0.messages } }
    public var assignment: Set<KafkaTopicPartition> { state.withLock { $0.assignment } }

    /// The next offset to commit for each of `partitions` that has messages.
    public func processedOffsets(_ partitions: [KafkaTopicPartition]) -> [KafkaPartitionOffset] {
        let messages = self.messages
        return partitions.compactMap { partition in
            messages.last { $0.topicPartition == partition }?.commitOffset
        }
    }
}
