import Foundation
import Kafka
import Logging
import Pipeline
import Testing
import TestSupport

/// Replay as a library on the embedded (mock) cluster: a range by offsets is
/// planned per partition, processed in its own group on the stream core and
/// ends by itself, its group's committed offsets at the range's end;
/// re-driving a dead letter that fails again writes a new one with the next
/// attempt.
@Suite(.timeLimit(.minutes(5))) struct ReplayJobTests {
    let logger = quietLogger("test.replay")

    func plan(_ topic: String, from: ReplayBound, cluster: EmbeddedCluster, group: String) async throws -> ReplayPlan {
        let reader = try KafkaRecordReader(bootstrapServers: cluster.bootstrapServers, logger: logger)
        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers, logger: logger)
        let partitions = try await admin.describeTopic(topic).partitions.map(\.id)
        let committed = try await ReplayGroup.committed(group, topic: topic, admin: admin)
        await admin.close()
        return try await ReplayPlan.make(
            topic: topic, partitions: partitions, from: from, until: .end, reader: reader,
            answers: BrokerTimeAnswers(reader: reader, logger: logger), group: ReplayPlan.GroupState(committed: committed)
        )
    }

    @Test func replaysAnOffsetRangeAndRedrivesDeadLetters() async throws {
        let (cluster, prefix, input, inputs) = try await ExampleCluster.start(partitions: 1, logger: logger)
        let topics = OutputTopics(prefix: prefix)
        let version = RecordEncoding.latest(.enriched, major: 1)!
        let processor = MessageProcessor(topics: topics, enrichedVersion: version)

        let group = "\(ReplayGroup.prefix)\(UUID().uuidString)"
        let plan = try await plan(input, from: .offset(1), cluster: cluster, group: group)
        #expect(plan.ranges.map(\.start) == [1])
        #expect(plan.ranges.map(\.end) == [Int64(inputs.count)])
        let job = ReplayJob(plan: plan, bootstrapServers: cluster.bootstrapServers, group: group, processor: processor, logger: logger)
        let totals = try await withDeadline("the replay of offsets 1..<\(inputs.count) to end", within: .seconds(120)) {
            try await job.run()
        }
        // A rebalance of the mock cluster may refuse a commit: then a message is read twice.
        #expect(totals.completed >= inputs.count - 1)
        #expect(totals.committed >= inputs.count - 1)
        #expect(totals.deadLettered >= 1)
        #expect(job.tracker.snapshot.complete)
        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers, logger: logger)
        #expect(try await ReplayGroup.committed(group, topic: input, admin: admin) == [0: Int64(inputs.count)])
        #expect(try await ReplayGroup.committed(ReplayGroup.endsGroup(of: group), topic: input, admin: admin) == [0: Int64(inputs.count)])
        await admin.close()

        let again = try await self.plan(input, from: .offset(1), cluster: cluster, group: group)
        #expect(again.remaining == 0)
        #expect(again.resumed)

        let redriveGroup = "\(ReplayGroup.prefix)\(UUID().uuidString)"
        let dlqPlan = try await self.plan(topics.deadLetter, from: .beginning, cluster: cluster, group: redriveGroup)
        #expect(dlqPlan.total == 1)
        let redrive = ReplayJob(plan: dlqPlan, bootstrapServers: cluster.bootstrapServers, group: redriveGroup, processor: processor, logger: logger)
        let redriven = try await withDeadline("the re-drive of the dead letter", within: .seconds(120)) {
            try await redrive.run()
        }
        #expect(redriven.deadLettered >= 1)

        let letters = try await ExampleCluster.readAll(topics.deadLetter, count: 2, cluster: cluster, logger: logger)
        let attempts = Set(letters.compactMap { $0.header(HeaderName.deadLetterAttempt)?.stringValue })
        #expect(attempts == ["1", "2"])
        #expect(letters.allSatisfy { $0.value == letters[0].value })
    }
}
