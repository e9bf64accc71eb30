import ArgumentParser
import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import StatsServer

/// `newswire run`: the worker, until SIGTERM or SIGINT. Without `--brokers`
/// it starts the embedded cluster in-process and prints its address, so
/// inputs can be published to it with `newswire publish` or kcat.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs the worker: consumes raw articles, publishes normalised, parsed and enriched records.",
        discussion: """
            Scale out by starting more workers with the same --group: Kafka splits the input partitions \
            between them. Every flag also reads NEWSWIRE_<FLAG> from the environment (e.g. NEWSWIRE_BROKERS).
            """
    )

    @Option(help: "Bootstrap servers host:port[,…]; none starts an embedded cluster (env NEWSWIRE_BROKERS).")
    var brokers: String?

    @Option(help: "The consumer group the workers share (env NEWSWIRE_GROUP).")
    var group: String?

    @Option(name: .customLong("input-topic"), help: "A topic to read (repeatable; default articles.raw; env NEWSWIRE_INPUT_TOPIC).")
    var inputTopics: [String] = []

    @Option(help: "Delivery guarantee: at-least-once (env NEWSWIRE_GUARANTEE).")
    var guarantee: String?

    @Option(help: "The article.enriched schema version to write, e.g. 1.1 or 2.0 (env NEWSWIRE_OUTPUT_VERSION).")
    var outputVersion: String?

    @Option(help: "Where to serve /stats, /metrics, /healthz, /readyz and the dashboard: HOST:PORT or off (env NEWSWIRE_STATS_ADDRESS).")
    var statsAddress: String?

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for both clients (repeatable).")
    var kafkaProperties: [String] = []

    func run() async throws {
        // Before any metric exists, so every counter lands in the registry /metrics serves.
        let registry = MetricsSetup.registry
        let mode = Environment.resolve(guarantee, flag: "guarantee", fallback: "at-least-once")
        guard mode == "at-least-once" else {
            throw ValidationError("--guarantee '\(mode ?? "")' is not available in this build: the worker commits at-least-once; use --guarantee at-least-once")
        }
        let version = try OutputVersion.resolve(Environment.resolve(outputVersion, flag: "output-version"))
        let topics = inputTopics.isEmpty ? [Environment.resolve(nil, flag: "input-topic", fallback: "articles.raw") ?? "articles.raw"] : inputTopics
        for topic in topics where !topic.hasPrefix("^") {
            _ = try TopicSpec(parsing: topic)
        }
        let properties = try KafkaProperties.parse(kafkaProperties)
        let stats = try StatsAddress.parse(Environment.resolve(statsAddress, flag: "stats-address", fallback: StatsAddress.defaultValue) ?? StatsAddress.defaultValue)
        let logger = Logger(label: "newswire.run")
        logger.info("librdkafka \(LibrdkafkaVersion.string)")

        var services: [any Service] = []
        let bootstrapServers: String
        if let given = Environment.resolve(brokers, flag: "brokers") {
            _ = try await KafkaAdmin.checkBrokers(given, logger: logger)
            bootstrapServers = given
        } else {
            let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
            for topic in topics where !topic.hasPrefix("^") {
                try cluster.createTopic(topic, partitions: TopicSpec.defaultPartitions)
            }
            bootstrapServers = cluster.bootstrapServers
            services.append(EmbeddedClusterService(cluster: cluster))
            StandardStreams.warn("newswire: no --brokers given; embedded cluster at \(bootstrapServers) (publish with: newswire publish --brokers \(bootstrapServers) --topic \(topics[0]) FILE…)")
        }
        var configuration = WorkerConfiguration(
            bootstrapServers: bootstrapServers,
            group: Environment.resolve(group, flag: "group", fallback: "newswire") ?? "newswire",
            inputTopics: topics,
            processor: MessageProcessor(enrichedVersion: version)
        )
        configuration.kafkaProperties = properties
        let worker = ArticleWorker(configuration: configuration, logger: logger)
        if let stats {
            services.append(StatsServer.application(
                host: stats.host, port: stats.port, source: StatsSource(worker: worker), registry: registry, logger: logger
            ) { port in
                StandardStreams.warn("newswire: stats at http://\(stats.host):\(port)/ (/stats, /metrics, /healthz, /readyz)")
            })
        }
        services.append(worker)
        let serviceGroup = ServiceGroup(
            configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await serviceGroup.run()
    }
}
