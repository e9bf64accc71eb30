import Foundation
import Kafka
import Testing
import TestSupport

/// `newswire status` while one broker of the cluster is down — neither the
/// group's coordinator nor a leader of its partitions — still reports the
/// offsets and lag, and says the group's state is unknown. (It used to fail
/// with "Broker transport failure": describing a group asks every broker.)
@Suite(.timeLimit(.minutes(2)))
struct MockClusterStatusOutageTests {
    @Test func statusReportsTheLagWithABrokerDown() async throws {
        let cluster = try EmbeddedCluster(brokers: 2, logger: TestLogger.quiet)
        let topic = "outage\(UInt32.random(in: 0...UInt32.max)).raw"
        try cluster.createTopic(topic, partitions: 2)
        for partition in Int32(0)..<2 { try cluster.setPartitionLeader(topic: topic, partition: partition, broker: 1) }
        try cluster.setGroupCoordinator(group: "g", broker: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: TestLogger.quiet)
        let messages = (0..<5).map { KafkaProducerMessage(topic: topic, partition: 0, key: nil, value: Array("m\($0)".utf8)) }
        try await producer.send(messages).delivered()
        await producer.close()
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "g")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestLogger.quiet)
        try await consumer.commit([KafkaPartitionOffset(topicPartition: KafkaTopicPartition(topic: topic, partition: 0), offset: KafkaOffset(2))])
        await consumer.close()
        try cluster.setBrokerDown(2)

        // Several runs: each client reaches the brokers in its own order.
        for _ in 0..<3 {
            let run = try await CommandRunner.run(["status", "--brokers", cluster.bootstrapServers, "--group", "g", "--topic", topic, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)")
            #expect(document["totalLag"] as? Int == 3, "\(run.stdout)")
            let partitions = document["partitions"] as? [[String: Any]] ?? []
            #expect(partitions.first { $0["partition"] as? Int == 0 }?["committed"] as? Int == 2)
        }
    }
}
