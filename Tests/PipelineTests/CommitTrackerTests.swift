import Kafka
import Logging
import Testing
import TestSupport
@testable import Pipeline

/// The commit tracker on the embedded cluster commits in batches, never per
/// message: by time (one commit per interval however many messages finished)
/// and by count (early, once `commitEvery` messages are ready, with the timer
/// far away). The OffsetCommit requests are counted by librdkafka's own
/// statistics (`brokers[].req.OffsetCommit`) of the consumer that commits.
@Suite(.timeLimit(.minutes(2)))
struct CommitTrackerTests {
    let logger = {
        var logger = Logger(label: "test.commit-tracker")
        logger.logLevel = .critical
        return logger
    }()

    /// A group member with one partition of a fresh topic, a lane for it, and
    /// the tracker running over them while `body` finishes messages.
    private func withTracker(
        _ settings: StreamSettings, _ body: @Sendable (LaneTable, KafkaTopicPartition, WorkerCounters) async throws -> Void
    ) async throws -> (offsetCommits: Int64, committed: Int64?) {
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestNames.group())
        configuration.sessionTimeout = .seconds(6)
        configuration.statisticsInterval = .milliseconds(100)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: [topic])
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        let counters = WorkerCounters()
        let (items, publish) = AsyncStream.makeStream(of: PublishItem.self)
        let (due, dueContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let table = LaneTable(settings: settings, counters: counters, publish: publish, onCommitDue: { dueContinuation.yield() })
        let tracker = CommitTracker(consumer: consumer, table: table, settings: settings, counters: counters, logger: logger, due: due)
        let result = try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                for try await _ in consumer.events {}
            }
            tasks.addTask {
                for await _ in items {}
            }
            try await eventually("the partition to be assigned") { try consumer.assignment() == [partition] }
            table.assign([partition])
            tasks.addTask { try await tracker.run() }
            try await body(table, partition, counters)
            let committed = counters.current.committed
            // The statistics report after the last commit carries its request.
            let reportsFrom = ContinuousClock.now
            var offsetCommits: Int64 = 0
            for await statistics in consumer.statistics where ContinuousClock.now - reportsFrom > .milliseconds(300) {
                offsetCommits = statistics.brokers.reduce(0) { $0 + ($1.requests["OffsetCommit"] ?? 0) }
                break
            }
            tasks.cancelAll()
            publish.finish()
            return (offsetCommits, Int64(committed))
        }
        await consumer.close()
        return result
    }

    /// Admits `count` messages from `offset` on and finishes each (processed, one output acknowledged).
    private static func finish(_ count: Int, from offset: Int64, table: LaneTable, partition: KafkaTopicPartition) {
        let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        for index in 0..<count {
            let message = KafkaMessage(
                topic: partition.topic, partition: partition.partition, offset: KafkaOffset(offset + Int64(index)), key: nil, value: Array("m".utf8)
            )
            guard let ticket = table.admit(message) else { return }
            let output = KafkaProducerMessage(topic: "out", key: "k", value: "record")
            table.processed(ticket, PublishPlan(
                ProcessedMessage(input: message, outputs: [output], outcome: .articles(1)), processor: processor, maxMessageBytes: 1_000_000
            ))
            _ = table.beginPublishing(ticket, pending: 1, outcome: nil, deadLetter: false, rejection: nil)
            table.delivered(ticket.delivery(output: 0), KafkaDeliveryReport(topic: "out", partition: 0, offset: KafkaOffset(Int64(index)), error: nil))
        }
    }

    @Test func commitsByTimeOncePerIntervalNotPerMessage() async throws {
        var settings = StreamSettings()
        settings.commitInterval = .milliseconds(500)
        settings.commitEvery = 1_000_000
        let bursts = 4, perBurst = 150
        let (offsetCommits, committed) = try await withTracker(settings) { table, partition, counters in
            for burst in 0..<bursts {
                Self.finish(perBurst, from: Int64(burst * perBurst), table: table, partition: partition)
                try await withDeadline("burst \(burst) to be committed by the timer", within: .seconds(10)) {
                    await counters.waitUntilCommitted((burst + 1) * perBurst)
                }
            }
        }
        #expect(committed == Int64(bursts * perBurst))
        print("commit tracker by time: \(bursts * perBurst) messages in \(bursts) bursts, \(offsetCommits) OffsetCommit requests")
        #expect(offsetCommits >= 1)
        // A tick can land in the middle of a burst and split it in two.
        #expect(offsetCommits <= Int64(2 * bursts), "about one commit per interval that had work, never one per message")
    }

    @Test func commitsByCountBeforeTheTimer() async throws {
        var settings = StreamSettings()
        settings.commitInterval = .seconds(3600)
        settings.commitEvery = 100
        let (offsetCommits, committed) = try await withTracker(settings) { table, partition, counters in
            Self.finish(250, from: 0, table: table, partition: partition)
            try await withDeadline("200 messages to be committed by count, the timer an hour away", within: .seconds(10)) {
                await counters.waitUntilCommitted(200)
            }
        }
        print("commit tracker by count: 250 messages, commitEvery 100, \(offsetCommits) OffsetCommit requests, \(committed ?? 0) committed")
        #expect((committed ?? 0) >= 200)
        #expect(offsetCommits >= 1)
        #expect(offsetCommits <= 3, "one commit per 100 ready messages at most, never one per message")
    }
}
