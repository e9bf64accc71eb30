import Foundation
import Testing
@testable import Kafka
import TestSupport

/// The producer against a real broker (Tansu), on librdkafka ≥ 2.2.
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerProducerTests {
    @Test func deliveryReportsCarryContiguousOffsetsPerPartition() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 3)
        let producer = try TestTopics.producer()
        let messages = (0..<300).map { KafkaProducerMessage(topic: topic, partition: Int32($0 % 3), key: nil, value: "v\($0)") }
        let reports = try await producer.send(messages).delivered()
        for partition in Int32(0)..<3 {
            #expect(reports.filter { $0.partition == partition }.map(\.offset.rawValue) == Array(0..<100))
        }
        #expect(reports.enumerated().allSatisfy { $0.element.partition == Int32($0.offset % 3) })
        await producer.close()
    }

    @Test func sameKeyGoesToTheSamePartition() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 4)
        let producer = try TestTopics.producer()
        let messages = (0..<200).map { KafkaProducerMessage(topic: topic, key: "key-\($0 % 7)", value: "v\($0)") }
        let reports = try await producer.send(messages).delivered()
        var partitionOfKey: [String: Set<Int32>] = [:]
        for (message, report) in zip(messages, reports) {
            partitionOfKey[String(decoding: message.key!, as: UTF8.self), default: []].insert(report.partition)
        }
        #expect(partitionOfKey.count == 7)
        #expect(partitionOfKey.values.allSatisfy { $0.count == 1 })
        await producer.close()
    }

    @Test func keyValueHeadersAndTimestampRoundTrip() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer()
        let timestamp: Int64 = 1_700_000_000_123
        let sent = KafkaProducerMessage(
            topic: topic, partition: 0, key: Array("article-1".utf8), value: Array("بيروت – خبر".utf8),
            headers: [
                KafkaHeader(key: "content-type", string: "application/json"),
                KafkaHeader(key: "empty", value: nil),
                KafkaHeader(key: "repeated", string: "1"),
                KafkaHeader(key: "repeated", string: "2"),
            ],
            timestampMilliseconds: timestamp)
        let report = try await producer.send(sent)
        #expect(report.offset == KafkaOffset(0))

        let consumer = try TestTopics.consumer()
        try consumer.subscribe(topics: [topic])
        let received = try #require(try await ConsumerCollector.collect(consumer, count: 1).messages.first)
        #expect(received.key == sent.key)
        #expect(received.value == sent.value!)
        #expect(received.headers == sent.headers)
        #expect(received.timestampMilliseconds == timestamp)
        #expect(received.offset == KafkaOffset(0))
        await consumer.close()
        await producer.close()
    }

    @Test func fullLocalQueueAwaitsInsteadOfFailing() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 2)
        // A queue of 10 messages: sending 3000 must hit QUEUE_FULL many times.
        let producer = try TestTopics.producer { $0.maxQueuedMessages = 10 }
        let messages = (0..<3000).map { KafkaProducerMessage(topic: topic, partition: Int32($0 % 2), key: nil, value: "v\($0)") }
        let reports = try await producer.send(messages).reports()
        #expect(reports.count == 3000)
        #expect(reports.allSatisfy { $0.isDelivered })
        #expect(reports.filter { $0.partition == 1 }.map(\.offset.rawValue) == Array(0..<1500))
        await producer.close()
    }

    @Test func flushWaitsForEveryDelivery() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer { $0.linger = .milliseconds(200) }
        let pending = try await producer.send((0..<500).map { KafkaProducerMessage(topic: topic, key: nil, value: "v\($0)") })
        try await producer.flush(timeout: .seconds(30))
        #expect(pending.isComplete)
        #expect(producer.client.outstandingCount == 0)
        #expect(await pending.reports().allSatisfy { $0.isDelivered })
        await producer.close()
    }

    @Test func producerStatisticsDecode() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        let producer = try TestTopics.producer { $0.statisticsInterval = .milliseconds(100) }
        // Round-trip times are averaged per statistics window, so wait for the
        // report while the messages are sent, not after.
        async let report = firstReport("a statistics report counting the 10 messages sent", of: producer.statistics) { report in
            report.transmittedMessages >= 10
        }
        try await producer.send((0..<10).map { KafkaProducerMessage(topic: topic, key: nil, value: "v\($0)") }).delivered()
        let statistics = try await report
        #expect(statistics.type == "producer")
        #expect(statistics.brokers.contains { $0.state == "UP" && $0.roundTripAverageMicroseconds != nil })
        #expect(statistics.partitions.contains { $0.topic == topic && $0.partition == 0 })
        await producer.close()
    }
}
