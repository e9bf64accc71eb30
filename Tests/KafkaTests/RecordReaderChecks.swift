import Foundation
import Kafka
import Testing
import TestSupport

/// What the single-record reader must do on any broker: read the record at
/// an offset, report the end of the partition, find the end by reading when
/// the watermark is wrong; the offsets-for-times answer comes back unchecked.
enum RecordReaderChecks {
    /// Three batches of 30 records on partition 0, one second apart from `base`.
    static func fill(_ topic: String, bootstrap: String, base: Int64) async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrap), logger: TestBroker.logger)
        for batch in 0..<3 {
            let messages = (0..<30).map { index in
                let number = batch * 30 + index
                return KafkaProducerMessage(
                    topic: topic, partition: 0, key: nil, value: Array("m\(number)".utf8), timestampMilliseconds: base + Int64(number) * 1000
                )
            }
            try await producer.send(messages).delivered()
        }
        await producer.close()
    }

    static func check(_ topic: String, bootstrap: String) async throws {
        let base: Int64 = 1_767_225_600_000
        try await fill(topic, bootstrap: bootstrap, base: base)
        let reader = try KafkaRecordReader(bootstrapServers: bootstrap, logger: TestBroker.logger)
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        for offset: Int64 in [0, 29, 30, 61, 89] {
            let message = try #require(try await reader.record(atOrAfter: offset, in: partition).message)
            #expect(message.offset.rawValue == offset)
            #expect(message.timestampMilliseconds == base + offset * 1000)
            #expect(String(decoding: message.value, as: UTF8.self) == "m\(offset)")
        }
        #expect(try await reader.record(atOrAfter: 90, in: partition) == .end(90))
        #expect(reader.reads == 6)
        // From any offset at or below the end, reading on finds the true end.
        #expect(try await reader.end(of: partition, readingFrom: 0) == 90)
        #expect(try await reader.end(of: partition, readingFrom: 90) == 90)
        // The broker's answer comes back as given (neither test broker's is right).
        let answer = try await reader.offset(forTimestamp: base + 45_500, in: partition)
        #expect(answer.topicPartition == partition)
    }
}

@Suite(.timeLimit(.minutes(2))) struct RecordReaderTests {
    @Test func readsSingleRecordsAndTheEndOnTheEmbeddedCluster() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        try await RecordReaderChecks.check(topic, bootstrap: cluster.bootstrapServers)
    }
}

@Suite(.needsRealBroker, .timeLimit(.minutes(2)))
struct RealBrokerRecordReaderTests {
    @Test func readsSingleRecordsAndTheEnd() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        try await RecordReaderChecks.check(topic, bootstrap: TestBroker.bootstrap)
    }

    /// Tansu's high watermark is the last batch's first offset + 1; the end
    /// the reader finds is the real one.
    @Test func findsTheEndWhereTheWatermarkIsWrong() async throws {
        let topic = TestNames.topic()
        try await TestTopics.create(topic, partitions: 1)
        try await RecordReaderChecks.fill(topic, bootstrap: TestBroker.bootstrap, base: 1_767_225_600_000)
        let reader = try KafkaRecordReader(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        let marks = try await reader.watermarks(partition)
        #expect(try await reader.end(of: partition, readingFrom: min(marks.high, 90)) == 90)
    }
}
