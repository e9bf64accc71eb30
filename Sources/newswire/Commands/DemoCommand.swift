import ArgumentParser
import Foundation
import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import StatsServer

/// `newswire demo`: the main job on a bare machine. Starts the embedded
/// cluster, publishes the bundled examples to `articles.raw`, runs the worker
/// until every example is processed and committed, then reads the output
/// topics back and prints what came out.
struct DemoCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Runs the main job on an embedded Kafka cluster with the bundled examples, then prints a summary."
    )

    @Option(help: "A folder of inputs to publish instead of the examples built into the binary (the project's Examples/).")
    var examples: String?

    @Option(help: "Partitions of the input topic.")
    var partitions: Int = 4

    @Flag(help: "Keep the cluster, worker and stats endpoint running after the summary, until Ctrl-C.")
    var stay = false

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines.")
    var kafkaConfig: String?

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard (1...64).contains(partitions) else {
            throw ValidationError("--partitions \(partitions) is out of range; use a number from 1 to 64")
        }
        _ = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
    }

    func run() async throws {
        // Before any metric exists, so every counter lands in the registry /metrics serves.
        let registry = MetricsSetup.registry
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        let inputs = try examples.map { try NamedInput.load([$0], lines: false) } ?? BuiltInExamples.inputs
        let origin = examples.map { "\($0)/" } ?? "the built-in examples"
        let logger = {
            var logger = Logger(label: "newswire.demo")
            logger.logLevel = .warning
            return logger
        }()

        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        let topics = OutputTopics()
        let version = RecordEncoding.latest(.enriched, major: 1) ?? SchemaVersion(major: 1, minor: 0)
        try cluster.createTopic("articles.raw", partitions: partitions)
        for name in try DemoSummary.outputTopics(topics, enrichedVersion: version) {
            try cluster.createTopic(name, partitions: partitions)
        }
        StandardStreams.writeLine("Embedded Kafka cluster at \(cluster.bootstrapServers) (librdkafka \(LibrdkafkaVersion.string))")

        let messages = inputs.flatMap { FileMessages.messages(for: $0, topic: "articles.raw", lines: false) }
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        producerConfiguration.properties = properties
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)
        try await producer.send(messages).delivered()
        await producer.close()
        StandardStreams.writeLine("Published \(messages.count) example(s) from \(origin) to articles.raw")

        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: "newswire-demo", inputTopics: ["articles.raw"],
            processor: MessageProcessor(topics: topics, enrichedVersion: version)
        )
        configuration.sessionTimeout = .seconds(6)
        configuration.kafkaProperties = properties
        // The summary names each dead letter on stdout; the log stays quiet about them.
        var deadLetters = Logger(label: "newswire.deadletters")
        deadLetters.logLevel = .error
        let worker = ArticleWorker(configuration: configuration, logger: logger, deadLetterLogger: deadLetters)
        let stats = StatsServer.application(
            host: "127.0.0.1", port: 0, source: StatsSource(worker: worker), registry: registry, logger: logger
        ) { port in
            StandardStreams.writeLine("Stats at http://127.0.0.1:\(port)/ (/stats, /metrics, /healthz, /readyz)")
        }
        let group = ServiceGroup(services: [stats, worker], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        let stay = stay
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                await worker.counters.waitUntilConsumed(messages.count)
                try await Self.summarise(worker: worker, cluster: cluster, topics: topics, version: version, properties: properties, logger: logger)
                if stay {
                    StandardStreams.writeLine("\nStill running (--stay); Ctrl-C stops it.")
                } else {
                    await group.triggerGracefulShutdown()
                }
            }
            try await tasks.waitForAll()
        }
    }

    private static func summarise(
        worker: ArticleWorker, cluster: EmbeddedCluster, topics: OutputTopics, version: SchemaVersion, properties: [String: String],
        logger: Logger
    ) async throws {
        let totals = worker.counters.current
        StandardStreams.writeLine(
            "Worker consumed \(totals.consumed), produced \(totals.produced) record(s) for \(totals.articles) article(s), dead-lettered \(totals.deadLettered), committed the offsets of \(totals.committed) message(s)"
        )
        try await DemoSummary.print(
            bootstrapServers: cluster.bootstrapServers, topics: topics, enrichedVersion: version,
            expectedArticles: totals.articles, expectedDeadLetters: totals.deadLettered, properties: properties, logger: logger
        )
    }
}
