import Foundation
import Testing
@testable import Kafka
import TestSupport

/// The rebalance contract against a real broker: a member whose partitions are
/// revoked commits its processed offsets *inside* the revocation, so the new
/// owner starts exactly where it stopped — no message read twice, none lost.
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerRebalanceTests {
    @Test(arguments: [KafkaAssignmentStrategy.cooperativeSticky, .range])
    func revokedPartitionsAreCommittedBeforeHandOver(strategy: KafkaAssignmentStrategy) async throws {
        let topic = TestNames.topic()
        let group = TestNames.group()
        try await TestTopics.create(topic, partitions: 4)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 4, count: 50, producer: producer)

        let commitOnRevoke: @Sendable (KafkaRevocation, ConsumerRecorder) async throws -> Void = { revocation, recorder in
            guard !revocation.lost else { return }
            try await recorder.consumer.commit(recorder.processedOffsets(revocation.partitions))
        }
        let first = ConsumerRecorder(try TestTopics.consumer(group: group) { $0.assignmentStrategy = strategy }, onRevoke: commitOnRevoke)
        let second = ConsumerRecorder(try TestTopics.consumer(group: group) { $0.assignmentStrategy = strategy }, onRevoke: commitOnRevoke)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await first.run() }
            tasks.addTask { try await second.run() }
            try first.consumer.subscribe(topics: [topic])
            try await eventually("the first member to read everything") { first.messages.count == 200 }

            try second.consumer.subscribe(topics: [topic])
            try await eventually("the partitions to be shared", within: .seconds(40)) {
                !second.assignment.isEmpty && !first.assignment.isEmpty
                    && first.assignment.union(second.assignment).count == 4
                    && first.assignment.isDisjoint(with: second.assignment)
            }
            #expect(first.state.withLock { $0.revocations.count } >= 1)

            try await TestTopics.fill(topic, partitions: 4, count: 50, producer: producer)
            try await eventually("all 400 messages") { first.messages.count + second.messages.count >= 400 }

            let all = first.messages + second.messages
            let positions = all.map { "\($0.partition)/\($0.offset.rawValue)" }
            #expect(all.count == 400)
            #expect(Set(positions).count == 400, "a message was read twice")
            // The new owner started where the old one committed, inside the revocation.
            for partition in second.assignment {
                let firstOffset = second.messages.first { $0.topicPartition == partition }?.offset.rawValue
                #expect(firstOffset == 50)
            }
            await first.consumer.close()
            await second.consumer.close()
            try await tasks.waitForAll()
        }
        await producer.close()
    }
}
