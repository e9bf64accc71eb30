import Foundation
import Testing
@testable import Kafka
import TestSupport

/// The embedded (mock) cluster on the system librdkafka: basic round trip,
/// and the fault cases a real broker cannot be made to show on demand.
@Suite(.timeLimit(.minutes(3))) struct EmbeddedClusterTests {
    @Test func producesAndConsumesInOrder() async throws {
        let cluster = try EmbeddedCluster(brokers: 3, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 2)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: TestBroker.logger)
        let messages = (0..<200).map { index in
            KafkaProducerMessage(
                topic: topic, partition: Int32(index % 2), key: "k\(index)", value: "v\(index)",
                headers: [KafkaHeader(key: "index", string: "\(index)")])
        }
        let reports = try await producer.send(messages).delivered()
        #expect(reports.count == 200)
        #expect(reports.filter { $0.partition == 0 }.map(\.offset.rawValue) == Array(0..<100))

        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestNames.group())
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestBroker.logger)
        try consumer.subscribe(topics: [topic])
        let collected = try await ConsumerCollector.collect(consumer, count: 200)
        #expect(collected.messages.count == 200)
        for partition in Int32(0)...1 {
            let values = collected.messages.filter { $0.partition == partition }.map { String(decoding: $0.value, as: UTF8.self) }
            #expect(values == stride(from: Int(partition), to: 200, by: 2).map { "v\($0)" })
        }
        #expect(collected.messages.allSatisfy { $0.header("index")?.stringValue == String(decoding: $0.value.dropFirst(), as: UTF8.self) })
        await consumer.close()
        await producer.close()
    }

    /// Other processes can use the cluster: `kcat -L` lists its brokers.
    @Test(.needsProgram("kcat", installedBy: "Scripts/setup-system.sh"))
    func kcatListsTheBrokers() async throws {
        let cluster = try EmbeddedCluster(brokers: 3, logger: TestBroker.logger)
        try cluster.createTopic(TestNames.topic(), partitions: 2)
        let kcat = try #require(CommandRunner.onPath("kcat"))
        let run = try await CommandRunner.run(["-L", "-b", cluster.bootstrapServers, "-m", "10"], executable: kcat, deadline: .seconds(60))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(" 3 brokers:"))
        #expect(run.stdout.contains("partitions"))
    }
}
