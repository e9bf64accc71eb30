import ArgumentParser
import Foundation
import Kafka
import Logging

/// `newswire publish`: sends files (one message each) or JSON Lines (one
/// message per line) into a topic, and waits until the broker acknowledged
/// every message.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Sends files (one message each) or JSON Lines into a topic.",
        discussion: """
            Each file becomes one message keyed by its file name, with a content-type header guessed \
            from its extension. With --lines, each non-empty line of each file becomes one message.
            Example: newswire publish --brokers localhost:9092 --topic articles.raw Examples/*.txt
            """
    )

    @Option(help: "Bootstrap servers, host:port[,host:port…] (env NEWSWIRE_BROKERS).")
    var brokers: String?

    @Option(help: "The topic to write to (env NEWSWIRE_TOPIC).")
    var topic: String?

    @Flag(help: "Send each non-empty line as its own message (JSON Lines).")
    var lines = false

    @Option(name: .customLong("kafka-property"), help: "A librdkafka producer property KEY=VALUE (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings (env NEWSWIRE_KAFKA_CONFIG).")
    var kafkaConfig: String?

    @Argument(help: "Files or folders to send (folders: their files, sorted by name).")
    var paths: [String]

    func run() async throws {
        guard let brokers = Environment.resolve(brokers, flag: "brokers") else {
            throw ValidationError("publish needs --brokers host:port (or NEWSWIRE_BROKERS); for the embedded cluster, start `newswire broker` and use the address it prints")
        }
        guard let topicText = Environment.resolve(topic, flag: "topic") else {
            throw ValidationError("publish needs --topic NAME (or NEWSWIRE_TOPIC), e.g. --topic articles.raw")
        }
        let topic = try TopicSpec(parsing: topicText).name
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: Environment.resolve(kafkaConfig, flag: "kafka-config"))
        let files = try InputFiles.expand(paths)
        let messages = try files.flatMap { file in try FileMessages.messages(for: file, topic: topic, lines: lines) }

        let logger = Logger(label: "newswire.publish")
        _ = try await KafkaAdmin.checkBrokers(brokers, properties: properties, logger: logger)
        var configuration = KafkaProducerConfiguration(bootstrapServers: brokers)
        configuration.properties = properties
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        let reports = try await producer.send(messages).reports()
        await producer.close()
        let failures = reports.filter { !$0.isDelivered }
        StandardStreams.warn("newswire: published \(reports.count - failures.count) of \(reports.count) message(s) to \(topic)")
        if let first = failures.first {
            throw CommandFailure("\(failures.count) message(s) were not delivered; the first: \(first)")
        }
    }
}
