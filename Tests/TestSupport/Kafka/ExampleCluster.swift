import Foundation
import Kafka
import Logging

/// An embedded cluster with the project's examples (and one bad input)
/// already published to a fresh input topic, and a reader for output topics:
/// the setting of the worker and replay tests.
public enum ExampleCluster {
    /// Starts a one-broker cluster, creates `<topicPrefix>.raw` with
    /// `partitions` and publishes `exampleInputs` to it. Names are unique per
    /// call; `topicPrefix` is the prefix for the output topics
    /// (`OutputTopics(prefix:)`).
    public static func start(partitions: Int, logger: Logger) async throws
        -> (cluster: EmbeddedCluster, topicPrefix: String, input: String, inputs: [KafkaProducerMessage])
    {
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        let prefix = "t\(UInt32.random(in: 0...UInt32.max))"
        let input = "\(prefix).raw"
        try cluster.createTopic(input, partitions: partitions)
        let inputs = try exampleInputs(topic: input)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await withDeadline("the example inputs to be delivered", within: .seconds(60)) {
            try await producer.send(inputs).delivered()
        }
        await producer.close()
        return (cluster, prefix, input, inputs)
    }

    /// The project's own examples plus one input that is not UTF-8.
    public static func exampleInputs(topic: String) throws -> [KafkaProducerMessage] {
        var messages: [KafkaProducerMessage] = []
        for name in ["ar-two-articles.txt", "en-wire-story.txt", "ar-page.html", "en-envelope.json"] {
            let bytes = Array(try Data(contentsOf: Repository.examples.appendingPathComponent(name)))
            let type = name.hasSuffix(".html") ? "text/html" : name.hasSuffix(".json") ? "application/json" : "text/plain"
            messages.append(KafkaProducerMessage(topic: topic, key: Array(name.utf8), value: bytes, headers: [KafkaHeader(key: "content-type", string: type)]))
        }
        messages.append(KafkaProducerMessage(topic: topic, key: Array("bad.txt".utf8), value: [0x41, 0xE9, 0x74, 0xE9, 0x0A]))
        return messages
    }

    /// Reads `topic` from the beginning in a new group until at least `count`
    /// messages have arrived; throws `TimedOut` after `timeout`.
    public static func readAll(
        _ topic: String, count: Int, cluster: EmbeddedCluster, logger: Logger, within timeout: Duration = .seconds(60)
    ) async throws -> [KafkaMessage] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "reader-\(UUID().uuidString)")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        do {
            try consumer.subscribe(topics: [topic])
            let collected = try await ConsumerCollector.collect(consumer, count: count, timeout: timeout)
            await consumer.close()
            return collected.messages
        } catch {
            await consumer.close()
            throw error
        }
    }
}
