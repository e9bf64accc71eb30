import Foundation
import Testing
import TestSupport
@testable import Kafka

/// Resuming a partition that is not paused must not fetch it again from an
/// earlier offset: librdkafka up to 2.3 (Debian's 2.0.2 here) restarts such a
/// fetch from a stale position and delivers messages twice
/// (confluentinc/librdkafka#4637). The stream core resumes every partition it
/// is assigned, paused or not, so the consumer resumes only what it paused.
@Suite(.timeLimit(.minutes(2)))
struct EmbeddedClusterResumeTests {
    @Test func resumingAPartitionThatIsNotPausedDeliversNothingTwice() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: TestBroker.logger)
        let count = 2_000
        try await withDeadline("the inputs to be delivered", within: .seconds(60)) {
            try await producer.send((0..<count).map { KafkaProducerMessage(topic: topic, partition: 0, key: "k", value: "v\($0)") }).delivered()
        }
        await producer.close()

        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "resume-\(UUID().uuidString)")
        configuration.maxBatchSize = 5
        configuration.bufferedEvents = 2
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestBroker.logger)
        try consumer.subscribe(topics: [topic])
        let partition = KafkaTopicPartition(topic: topic, partition: 0)
        let offsets = try await withDeadline("every message of \(topic)", within: .seconds(60)) {
            var offsets: [Int64] = []
            for try await event in consumer.events {
                guard case .messages(let batch) = event else { continue }
                offsets += batch.map(\.offset.rawValue)
                // What the stream core does after an assignment and on every flow check.
                if offsets.count % 50 == 5 { try consumer.resume([partition]) }
                if Set(offsets).count == count { break }
            }
            return offsets
        }
        await consumer.close()
        let rewinds = zip(offsets, offsets.dropFirst()).filter { $1 <= $0 }.prefix(3).map { "\($0) then \($1)" }
        #expect(offsets.count == count, "\(offsets.count - Set(offsets).count) messages delivered twice; rewinds: \(rewinds)")
    }
}
