import Foundation
import Kafka
import Logging
import Pipeline
import Testing
import TestSupport

/// Replay on the embedded (mock) cluster: a range by offsets is planned per
/// partition, processed in its own group and ends by itself; re-driving a
/// dead letter that fails again writes a new one with the next attempt.
@Suite(.timeLimit(.minutes(5))) struct ReplayJobTests {
    let logger = quietLogger("test.replay")

    @Test func replaysAnOffsetRangeAndRedrivesDeadLetters() async throws {
        let (cluster, prefix, input, inputs) = try await ExampleCluster.start(partitions: 1, logger: logger)
        let topics = OutputTopics(prefix: prefix)

        let version = RecordEncoding.latest(.enriched, major: 1)!
        let job = ReplayJob(
            bootstrapServers: cluster.bootstrapServers, group: "replay-\(UUID().uuidString)",
            processor: MessageProcessor(topics: topics, enrichedVersion: version)
        )
        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers, logger: logger)

        let consumer = try job.makeConsumer(logger: logger)
        let plan = try await ReplayPlan.make(topic: input, from: .offset(1), until: .end, consumer: consumer, admin: admin)
        #expect(plan.ranges.map(\.start) == [1])
        #expect(plan.ranges.map(\.end) == [Int64(inputs.count)])
        let totals = try await withDeadline("the replay of offsets 1..<\(inputs.count) to end", within: .seconds(120)) {
            try await job.run(plan, consumer: consumer, logger: logger)
        }
        #expect(totals.consumed == inputs.count - 1)
        #expect(totals.deadLettered == 1)

        let redrive = ReplayJob(
            bootstrapServers: cluster.bootstrapServers, group: "redrive-\(UUID().uuidString)",
            processor: MessageProcessor(topics: topics, enrichedVersion: version)
        )
        let dlqConsumer = try redrive.makeConsumer(logger: logger)
        let dlqPlan = try await ReplayPlan.make(topic: topics.deadLetter, from: .beginning, until: .end, consumer: dlqConsumer, admin: admin)
        await admin.close()
        #expect(dlqPlan.total == 1)
        let again = try await withDeadline("the re-drive of the dead letter to end", within: .seconds(120)) {
            try await redrive.run(dlqPlan, consumer: dlqConsumer, logger: logger)
        }
        #expect(again.deadLettered == 1)

        let letters = try await ExampleCluster.readAll(topics.deadLetter, count: 2, cluster: cluster, logger: logger)
        let attempts = letters.compactMap { $0.header(HeaderName.deadLetterAttempt)?.stringValue }.sorted()
        #expect(attempts == ["1", "2"])
        #expect(letters.allSatisfy { $0.value == letters[0].value })
    }

    @Test func boundsParseOrSayWhatIsWrong() throws {
        #expect(try ReplayBound(parsing: "beginning") == .beginning)
        #expect(try ReplayBound(parsing: "1200") == .offset(1200))
        #expect(try ReplayBound(parsing: "2025-03-07T10:00:00Z") == .time(Date(timeIntervalSince1970: 1_741_341_600)))
        #expect(throws: ReplayError.badBound("yesterday")) { try ReplayBound(parsing: "yesterday") }
    }
}
