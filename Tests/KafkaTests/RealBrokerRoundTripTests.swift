import Foundation
import Testing
@testable import Kafka

@Suite(.enabled(if: TestBroker.isAvailable, "needs NEWSWIRE_TEST_BROKERS (Scripts/test.sh starts Tansu)"))
struct RealBrokerRoundTripTests {
    @Test func producesAndConsumesInOrder() async throws {
        let topic = TestNames.topic()
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        try await admin.createTopic(KafkaNewTopic(name: topic, partitions: 2))
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: TestBroker.bootstrap), logger: TestBroker.logger)
        let messages = (0..<200).map { index in
            KafkaProducerMessage(
                topic: topic, partition: Int32(index % 2), key: "k\(index)", value: "v\(index)",
                headers: [KafkaHeader(key: "index", string: "\(index)")])
        }
        let reports = try await producer.send(messages).delivered()
        #expect(reports.count == 200)
        var configuration = KafkaConsumerConfiguration(bootstrapServers: TestBroker.bootstrap, groupID: TestNames.group())
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestBroker.logger)
        try consumer.subscribe(topics: [topic])
        let collected = try await ConsumerCollector.collect(consumer, count: 200)
        #expect(collected.messages.count == 200)
        await consumer.close()
        await producer.close()
        await admin.close()
    }
}
