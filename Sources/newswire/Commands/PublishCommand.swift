import ArgumentParser
import Foundation
import Kafka
import Logging

/// `newswire publish`: sends files (one message each) or JSON Lines (one
/// message per line) into a topic, and waits until the broker acknowledged
/// every message.
struct PublishCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Sends files (one message each) or JSON Lines into a topic.",
        discussion: """
            Each file becomes one message keyed by its file name, with a content-type header guessed \
            from its extension; - reads standard input (key "stdin"). With --lines, each non-empty \
            line becomes one message.

            Example:
              newswire publish --brokers localhost:9092 --topic articles.raw Examples/
            """
    )

    @Option(help: "Bootstrap servers, host:port[,host:port…].")
    var brokers: String?

    @Option(help: "The topic to write to, e.g. articles.raw.")
    var topic: String?

    @Flag(help: "Send each non-empty line as its own message (JSON Lines).")
    var lines = false

    @Option(name: .customLong("kafka-property"), help: "A librdkafka producer property KEY=VALUE (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings.")
    var kafkaConfig: String?

    @OptionGroup var logging: LogOptions

    @Argument(help: "Files or folders to send (folders: their files, sorted by name), or - for standard input.")
    var paths: [String] = []

    func validate() throws {
        guard let brokers else {
            throw ValidationError("publish needs --brokers host:port (or NEWSWIRE_BROKERS); for the embedded cluster, start `newswire broker` and use the address it prints")
        }
        try BrokerCheck.validate(brokers)
        guard let topic else {
            throw ValidationError("publish needs --topic NAME (or NEWSWIRE_TOPIC), e.g. --topic articles.raw")
        }
        _ = try TopicSpec(parsing: topic)
        _ = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        guard !paths.isEmpty else {
            throw ValidationError("give at least one file or folder to send, or - to read standard input")
        }
    }

    func run() async throws {
        guard let brokers, let topicText = topic else { throw ValidationError("publish needs --brokers and --topic") }
        let topic = try TopicSpec(parsing: topicText).name
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        let inputs = try NamedInput.load(paths, lines: false)
        let messages = inputs.flatMap { FileMessages.messages(for: $0, topic: topic, lines: lines) }
        guard !messages.isEmpty else {
            throw CommandFailure("nothing to send: \(paths.joined(separator: " ")) holds only blank lines; give files with content")
        }

        let logger = Logger(label: "newswire.publish")
        _ = try await BrokerCheck.check(brokers, properties: properties, logger: logger)
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
