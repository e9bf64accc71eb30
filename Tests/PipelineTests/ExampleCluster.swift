import Foundation
import Kafka
import Logging
import Pipeline

/// An embedded cluster with the project's examples (and one bad input)
/// already published to a fresh input topic, and a reader for output topics:
/// the setting of the worker and replay tests.
enum ExampleCluster {
    /// Starts a one-broker cluster, creates `<prefix>.raw` with `partitions`
    /// and publishes `exampleInputs` to it. Topic names are unique per call.
    static func start(partitions: Int, logger: Logger) async throws
        -> (cluster: EmbeddedCluster, topics: OutputTopics, input: String, inputs: [KafkaProducerMessage])
    {
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        let topics = OutputTopics(prefix: "t\(UInt32.random(in: 0...UInt32.max))")
        let input = "\(topics.prefix).raw"
        try cluster.createTopic(input, partitions: partitions)
        let inputs = try exampleInputs(topic: input)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await producer.send(inputs).delivered()
        await producer.close()
        return (cluster, topics, input, inputs)
    }

    /// The project's own examples plus one input that is not UTF-8.
    static func exampleInputs(topic: String) throws -> [KafkaProducerMessage] {
        let folder = packageRoot().appendingPathComponent("Examples")
        var messages: [KafkaProducerMessage] = []
        for name in ["ar-two-articles.txt", "en-wire-story.txt", "ar-page.html", "en-envelope.json"] {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            let type = name.hasSuffix(".html") ? "text/html" : name.hasSuffix(".json") ? "application/json" : "text/plain"
            messages.append(KafkaProducerMessage(topic: topic, key: Array(name.utf8), value: bytes, headers: [KafkaHeader(key: "content-type", string: type)]))
        }
        messages.append(KafkaProducerMessage(topic: topic, key: Array("bad.txt".utf8), value: [0x41, 0xE9, 0x74, 0xE9, 0x0A]))
        return messages
    }

    static func packageRoot(file: String = #filePath) -> URL {
        var url = URL(fileURLWithPath: file).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    static func readAll(_ topic: String, count: Int, cluster: EmbeddedCluster, logger: Logger) async throws -> [KafkaMessage] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "reader-\(UUID().uuidString)")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: [topic])
        var messages: [KafkaMessage] = []
        for try await event in consumer.events {
            if case .messages(let batch) = event { messages += batch }
            if messages.count >= count { break }
        }
        await consumer.close()
        return messages
    }
}
