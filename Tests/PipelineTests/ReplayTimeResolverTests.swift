import Foundation
import Kafka
import Pipeline
import Testing
import TestSupport

/// Time bounds on real records (the embedded cluster, 100 records a second
/// apart in three batches): a right broker answer is accepted after reading
/// the two records around it; a wrong or missing one (what both test
/// brokers give) is replaced by a binary search of O(log n) reads. The
/// answers here are given by the test — the one fake of these suites, since
/// no test broker ever answers right.
@Suite(.timeLimit(.minutes(2))) struct ReplayTimeResolverTests {
    static let base: Int64 = 1_767_225_600_000
    static let count: Int64 = 100

    /// Answers what the test says, whatever the time.
    struct GivenAnswers: ReplayTimeAnswers {
        let offset: KafkaOffset?
        func answer(forTimestamp milliseconds: Int64, in partition: KafkaTopicPartition) async -> KafkaOffset? { offset }
    }

    /// The first offset whose record is at or after `milliseconds`.
    static func truth(_ milliseconds: Int64) -> Int64 {
        min(count, max(0, (milliseconds - base + 999) / 1000))
    }

    func withRecords(_ body: (KafkaRecordReader, KafkaTopicPartition) async throws -> Void) async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: quietLogger("test.resolver"))
        let topic = "times-\(UUID().uuidString.prefix(8))"
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers))
        for batch in stride(from: Int64(0), to: Self.count, by: 40) {
            let messages = (batch..<min(Self.count, batch + 40)).map { index in
                KafkaProducerMessage(topic: topic, partition: 0, key: nil, value: Array("r\(index)".utf8), timestampMilliseconds: Self.base + index * 1000)
            }
            try await producer.send(messages).delivered()
        }
        await producer.close()
        try await body(try KafkaRecordReader(bootstrapServers: cluster.bootstrapServers), KafkaTopicPartition(topic: topic, partition: 0))
    }

    static let times: [Int64] = [base - 5000, base, base + 500, base + 41_000, base + 41_001, base + 99_000, base + 99_001, base + 500_000]

    @Test func aRightAnswerIsCheckedAgainstTheRecordsAroundItAndKept() async throws {
        try await withRecords { reader, partition in
            for time in Self.times {
                let truth = Self.truth(time)
                let answers = GivenAnswers(offset: truth == Self.count ? .end : KafkaOffset(truth))
                let resolved = try await ReplayTimeResolver(reader: reader, answers: answers).resolve(time, on: partition, low: 0, end: Self.count)
                #expect(resolved.offset == truth, "time \(time - Self.base)")
                #expect(resolved.verified)
                #expect(resolved.brokerAnswer == truth)
                // The record at the answer and the one before it; one of them at either end.
                #expect(resolved.reads == (truth == 0 || truth == Self.count ? 1 : 2))
            }
        }
    }

    @Test(arguments: [KafkaOffset(0), KafkaOffset(57), .end, nil])
    func aWrongOrMissingAnswerIsReplacedByABinarySearch(answer: KafkaOffset?) async throws {
        try await withRecords { reader, partition in
            for time in Self.times {
                let truth = Self.truth(time)
                let resolved = try await ReplayTimeResolver(reader: reader, answers: GivenAnswers(offset: answer)).resolve(
                    time, on: partition, low: 0, end: Self.count
                )
                #expect(resolved.offset == truth, "time \(time - Self.base), answer \(String(describing: answer))")
                let rightByChance = answer.map { ($0 == .end ? Self.count : $0.rawValue) == truth } ?? false
                #expect(resolved.verified == rightByChance)
                // ⌈log2 100⌉ + 1 reads for the search, and at most 2 for the check.
                #expect(resolved.reads <= 8 + 2, "\(resolved.reads) reads")
            }
        }
    }

    @Test func theMockClustersOwnAnswerIsCheckedToo() async throws {
        try await withRecords { reader, partition in
            let answers = BrokerTimeAnswers(reader: reader, logger: quietLogger("test.resolver"))
            for time in Self.times {
                let resolved = try await ReplayTimeResolver(reader: reader, answers: answers).resolve(time, on: partition, low: 0, end: Self.count)
                #expect(resolved.offset == Self.truth(time))
            }
        }
    }
}
