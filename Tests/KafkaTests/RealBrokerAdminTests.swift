import Foundation
import Testing
@testable import Kafka
import TestSupport

/// Admin and metadata against a real broker (Tansu), on librdkafka ≥ 2.2.
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerAdminTests {
    @Test func createsATopicAndDescribesIt() async throws {
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try await admin.createTopic(KafkaNewTopic(name: topic, partitions: 3, replicationFactor: 1, configs: ["retention.ms": "3600000"]))
        let described = try await admin.describeTopic(topic)
        #expect(described.name == topic)
        #expect(described.partitions.map(\.id) == [0, 1, 2])
        #expect(described.partitions.allSatisfy { $0.leader >= 0 && $0.error == nil })
        await admin.close()
    }

    @Test func creatingAnExistingTopicFailsUnlessIgnored() async throws {
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        let topic = KafkaNewTopic(name: TestNames.topic(), partitions: 1)
        try await admin.createTopic(topic)
        await #expect {
            try await admin.createTopic(topic)
        } throws: { error in
            (error as? KafkaError)?.code == .topicAlreadyExists
        }
        try await admin.createTopic(topic, ignoreExisting: true)
        await admin.close()
    }

    @Test func describingAMissingTopicFails() async throws {
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        await #expect(throws: KafkaError.self) { try await admin.describeTopic("no-such-topic-\(UUID().uuidString)") }
        await admin.close()
    }

    @Test func brokerCheckListsTheBroker() async throws {
        let metadata = try await KafkaAdmin.checkBrokers(TestBroker.bootstrap, timeout: .seconds(10), logger: TestBroker.logger)
        let address = try KafkaBrokerList(parsing: TestBroker.bootstrap).addresses[0]
        #expect(metadata.brokers.count == 1)
        #expect(metadata.brokers.first?.port == address.port)
    }

    @Test func groupOffsetsShowCommittedEndAndLag() async throws {
        let topic = TestNames.topic()
        let group = TestNames.group()
        try await TestTopics.create(topic, partitions: 2)
        let producer = try TestTopics.producer()
        // One record per batch: Tansu's high watermark is wrong for multi-record batches.
        try await TestTopics.fillOneByOne(topic, partition: 0, count: 5, producer: producer)
        try await TestTopics.fillOneByOne(topic, partition: 1, count: 4, producer: producer)
        let consumer = try TestTopics.consumer(group: group)
        try await consumer.assign([KafkaPartitionOffset(topic: topic, partition: 0, offset: .beginning)])
        try await consumer.commit([KafkaPartitionOffset(topic: topic, partition: 0, offset: KafkaOffset(3))])
        await consumer.close()

        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        let offsets = try await admin.groupOffsets(group: group, topics: [topic])
        #expect(offsets.map(\.topicPartition.partition) == [0, 1])
        #expect(offsets.map(\.committed) == [3, nil])
        #expect(offsets.map(\.high) == [5, 4])
        #expect(offsets.map(\.lag) == [2, 4])
        await admin.close()
        await producer.close()
    }
}
