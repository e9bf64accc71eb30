import Foundation
import Testing
@testable import Kafka
import TestSupport

/// The consumer against a real broker (Tansu), on librdkafka ≥ 2.2.
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerConsumerTests {
    @Test func consumesSeveralTopicsAndAPattern() async throws {
        let prefix = TestNames.topic()
        let topics = ["\(prefix)-a", "\(prefix)-b"]
        let producer = try TestTopics.producer()
        for topic in topics {
            try await TestTopics.create(topic, partitions: 2)
            try await TestTopics.fill(topic, partitions: 2, count: 25, producer: producer)
        }
        let byList = try TestTopics.consumer()
        try byList.subscribe(topics: topics)
        let listed = try await ConsumerCollector.collect(byList, count: 100).messages
        #expect(Set(listed.map(\.topic)) == Set(topics))
        #expect(Set(listed.map { "\($0.topic)/\($0.partition)/\($0.offset)" }).count == 100)

        let byPattern = try TestTopics.consumer()
        try byPattern.subscribe(topics: ["^\(prefix)-.*"])
        let matched = try await ConsumerCollector.collect(byPattern, count: 100).messages
        #expect(Set(matched.map(\.topic)) == Set(topics))
        #expect(matched.count == 100)
        await byList.close()
        await byPattern.close()
        await producer.close()
    }

    /// A fresh consumer assigned at `.beginning` asks for that offset at once.
    /// Before `assign` looked the topic up first, the partitions were not yet
    /// with their leader's broker thread and librdkafka deferred the query by a
    /// fixed 500 ms, logging a "timed offset query" (every fresh replay and
    /// benchmark consumer started half a second late).
    @Test func assignAtBeginningQueriesTheOffsetWithoutDeferring() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 2)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 2, count: 5, producer: producer)
        await producer.close()
        let logs = CapturingLogHandler.Store()
        var configuration = KafkaConsumerConfiguration(bootstrapServers: TestBroker.bootstrap, groupID: TestNames.group())
        configuration.properties["debug"] = "topic"
        let consumer = try KafkaConsumer(configuration: configuration, logger: CapturingLogHandler.logger(logs, level: .debug))
        try await consumer.assign((0..<2).map { KafkaPartitionOffset(topic: topic, partition: Int32($0), offset: .beginning) })
        let messages = try await ConsumerCollector.collect(consumer, count: 10).messages
        await consumer.close()
        #expect(messages.count == 10)
        #expect(logs.contains("querying for logical offset BEGINNING"))
        #expect(!logs.contains("timed offset query"))
    }

    @Test func messagesArriveInPartitionOrder() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 3)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 3, count: 200, producer: producer)
        let consumer = try TestTopics.consumer()
        try consumer.subscribe(topics: [topic])
        let messages = try await ConsumerCollector.collect(consumer, count: 600).messages
        for partition in Int32(0)..<3 {
            let mine = messages.filter { $0.partition == partition }
            #expect(mine.map(\.offset.rawValue) == Array(0..<200))
            #expect(mine.map { String(decoding: $0.value, as: UTF8.self) } == (0..<200).map { "p\(partition)-\($0)" })
        }
        await consumer.close()
        await producer.close()
    }

    @Test func pauseStopsAPartitionAndResumeContinuesIt() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 2)
        let producer = try TestTopics.producer()
        let consumer = try TestTopics.consumer()
        let recorder = ConsumerRecorder(consumer)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await recorder.run() }
            try consumer.subscribe(topics: [topic])
            try await eventually("both partitions assigned") { recorder.assignment.count == 2 }
            let paused = KafkaTopicPartition(topic: topic, partition: 0)
            try consumer.pause([paused])
            try await TestTopics.fill(topic, partitions: 2, count: 10, producer: producer)
            // A marker behind partition 1's messages: once it is here, anything
            // fetchable from partition 0 would have been fetched as well.
            _ = try await producer.send(KafkaProducerMessage(topic: topic, partition: 1, key: nil, value: "marker"))
            try await eventually("partition 1 and its marker") { recorder.messages.count >= 11 }
            #expect(recorder.messages.allSatisfy { $0.partition == 1 })

            try consumer.resume([paused])
            try await eventually("partition 0 after resume") { recorder.messages.count >= 21 }
            #expect(recorder.messages.filter { $0.partition == 0 }.map(\.offset.rawValue) == Array(0..<10))
            await consumer.close()
            try await group.waitForAll()
        }
        await producer.close()
    }

    @Test func seekRereadsFromAnOffset() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 1, count: 20, producer: producer)
        let consumer = try TestTopics.consumer()
        let recorder = ConsumerRecorder(consumer)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await recorder.run() }
            try consumer.subscribe(topics: [topic])
            try await eventually("20 messages") { recorder.messages.count == 20 }
            try await consumer.seek([KafkaPartitionOffset(topic: topic, partition: 0, offset: KafkaOffset(5))])
            try await eventually("the re-read") { recorder.messages.count == 35 }
            #expect(recorder.messages.map(\.offset.rawValue) == Array(0..<20) + Array(5..<20))
            await consumer.close()
            try await group.waitForAll()
        }
        await producer.close()
    }

    @Test func committedOffsetIsWhereTheGroupResumes() async throws {
        let topic = TestNames.topic()
        let group = TestNames.group()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 1, count: 12, producer: producer)
        let first = try TestTopics.consumer(group: group)
        try first.subscribe(topics: [topic])
        let messages = try await ConsumerCollector.collect(first, count: 12).messages
        try await first.commit([messages[6].commitOffset])
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        #expect(try await first.committed([partition]).map(\.offset) == [KafkaOffset(7)])
        await first.close()

        let second = try TestTopics.consumer(group: group)
        try second.subscribe(topics: [topic])
        let resumed = try await ConsumerCollector.collect(second, count: 5).messages
        #expect(resumed.map(\.offset.rawValue) == Array(7..<12))
        await second.close()
        await producer.close()
    }

    @Test func watermarksCountTheMessages() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer()
        // One record per batch: Tansu's high watermark is wrong for multi-record batches.
        try await TestTopics.fillOneByOne(topic, partition: 0, count: 8, producer: producer)
        let consumer = try TestTopics.consumer()
        let marks = try await consumer.watermarks(KafkaTopicPartition(topic: topic, partition: 0))
        #expect(marks.low == 0)
        #expect(marks.high == 8)
        await consumer.close()
        await producer.close()
    }

    /// Neither test broker answers offsets-for-times correctly for a real
    /// time (Tansu always returns offset 0, the mock cluster nothing), but
    /// both answer the ListOffsets protocol's two special times: -1 (latest)
    /// with the end offset and -2 (earliest) with the first. Asking for those
    /// on partitions of different lengths shows that each partition's own
    /// answer comes back, not a fixed one.
    @Test func offsetsForTimesAnswersEveryPartition() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 2)
        let producer = try TestTopics.producer()
        // One record per batch: Tansu's high watermark is wrong for multi-record batches.
        try await TestTopics.fillOneByOne(topic, partition: 0, count: 5, producer: producer)
        try await TestTopics.fillOneByOne(topic, partition: 1, count: 3, producer: producer)
        let consumer = try TestTopics.consumer()
        let partitions = [KafkaTopicPartition(topic: topic, partition: 0), KafkaTopicPartition(topic: topic, partition: 1)]

        let latest = try await consumer.offsets(forTimestamp: -1, partitions: partitions)
        #expect(latest.map(\.topicPartition) == partitions)
        #expect(latest.map(\.offset) == [KafkaOffset(5), KafkaOffset(3)])
        let earliest = try await consumer.offsets(forTimestamp: -2, partitions: partitions)
        #expect(earliest.map(\.offset) == [KafkaOffset(0), KafkaOffset(0)])

        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let answers = try await consumer.offsets(forTimestamp: now - 60_000, partitions: partitions)
        #expect(answers.map(\.topicPartition) == partitions)
        #expect(zip(answers, [5, 3]).allSatisfy { answer, count in
            answer.error == nil && (answer.offset == .end || (0...Int64(count)).contains(answer.offset.rawValue))
        })
        await consumer.close()
        await producer.close()
    }

    @Test func consumerStatisticsShowThePartitions() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 2)
        let producer = try TestTopics.producer()
        try await TestTopics.fill(topic, partitions: 2, count: 10, producer: producer)
        let consumer = try TestTopics.consumer { $0.statisticsInterval = .milliseconds(200) }
        try consumer.subscribe(topics: [topic])
        _ = try await ConsumerCollector.collect(consumer, count: 20)
        // Reports from before the messages arrived may still be buffered: wait
        // for one that counts them.
        let statistics = try await firstReport("a statistics report showing both partitions and 20 messages received", of: consumer.statistics) {
            report in report.partitions.filter { $0.topic == topic }.count == 2 && report.receivedMessages >= 20
        }
        #expect(statistics.type == "consumer")
        #expect(statistics.group?.assignmentSize == 2)
        await consumer.close()
        await producer.close()
    }

    @Test func partitionsMoveToTheRemainingMemberAfterClose() async throws {
        let topic = TestNames.topic()
        let group = TestNames.group()
        try await TestTopics.create(topic, partitions: 4)
        // close() sends LeaveGroup (librdkafka's `debug=cgrp` log shows the
        // request and its response), but neither test broker rebalances
        // faster on it than on session expiry (seen with 10 s and 30 s
        // sessions), so this checks only that the hand-over completes.
        let first = try TestTopics.consumer(group: group)
        let second = try TestTopics.consumer(group: group)
        let firstRecorder = ConsumerRecorder(first)
        let secondRecorder = ConsumerRecorder(second)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await firstRecorder.run() }
            tasks.addTask { try await secondRecorder.run() }
            try first.subscribe(topics: [topic])
            try await eventually("the first member to own everything") { firstRecorder.assignment.count == 4 }
            try second.subscribe(topics: [topic])
            try await eventually("the partitions to be shared", within: .seconds(40)) {
                !secondRecorder.assignment.isEmpty && firstRecorder.assignment.count + secondRecorder.assignment.count == 4
            }
            await first.close()
            try await eventually("the second member to take over", within: .seconds(30)) {
                secondRecorder.assignment.count == 4
            }
            await second.close()
            try await tasks.waitForAll()
        }
    }
}
