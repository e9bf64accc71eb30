import ArgumentParser
import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import StatsServer

/// `newswire run`: the worker, until SIGTERM or SIGINT. Without `--brokers`
/// it starts the embedded cluster in-process and prints its address, so
/// inputs can be published to it with `newswire publish` or kcat.
struct RunCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Runs the worker: consumes raw articles, publishes normalised, parsed and enriched records.",
        discussion: """
            Scale out by starting more workers with the same --group: Kafka splits the input partitions \
            between them. Every flag also reads NEWSWIRE_<FLAG> from the environment (e.g. NEWSWIRE_BROKERS).

            Examples:
              newswire run
              newswire run --brokers kafka:9092 --stats-address 0.0.0.0:8080
            """
    )

    @Option(help: "Bootstrap servers host:port[,…]; none starts an embedded cluster.")
    var brokers: String?

    @Option(help: "The consumer group the workers share.")
    var group = "newswire"

    @Option(name: .customLong("input-topic"), help: "A topic to read (repeatable; NEWSWIRE_INPUT_TOPIC takes a comma-separated list).")
    var inputTopics: [String] = ["articles.raw"]

    @Option(help: "Delivery guarantee; this build has at-least-once.")
    var guarantee = "at-least-once"

    @Option(help: "The article.enriched schema version to write: \(OutputVersion.supportedList).")
    var outputVersion = OutputVersion.defaultVersion.description

    @Option(help: "Where to serve /stats, /metrics, /healthz, /readyz and the dashboard: HOST:PORT or off.")
    var statsAddress = StatsAddress.defaultValue

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for both clients (repeatable).")
    var kafkaProperties: [String] = []

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard guarantee == "at-least-once" else {
            throw ValidationError("--guarantee '\(guarantee)' is not available in this build: the worker commits at-least-once; use --guarantee at-least-once")
        }
        _ = try OutputVersion.resolve(outputVersion)
        for topic in inputTopics where !topic.hasPrefix("^") {
            _ = try TopicSpec(parsing: topic)
        }
        _ = try KafkaProperties.parse(kafkaProperties)
        _ = try StatsAddress.parse(statsAddress)
        if let brokers {
            try BrokerCheck.validate(brokers)
        }
    }

    func run() async throws {
        // Before any metric exists, so every counter lands in the registry /metrics serves.
        let registry = MetricsSetup.registry
        let version = try OutputVersion.resolve(outputVersion)
        let properties = try KafkaProperties.parse(kafkaProperties)
        let stats = try StatsAddress.parse(statsAddress)
        // Before joining the group: a taken port must not cost a rebalance.
        try stats?.checkAvailable()
        let logger = Logger(label: "newswire.run")
        logger.debug("librdkafka \(LibrdkafkaVersion.string)")

        var services: [any Service] = []
        let bootstrapServers: String
        if let brokers {
            _ = try await BrokerCheck.check(brokers, logger: logger)
            bootstrapServers = brokers
        } else {
            let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
            for topic in inputTopics where !topic.hasPrefix("^") {
                try cluster.createTopic(topic, partitions: TopicSpec.defaultPartitions)
            }
            bootstrapServers = cluster.bootstrapServers
            services.append(EmbeddedClusterService(cluster: cluster))
            StandardStreams.warn("newswire: no --brokers given; embedded cluster at \(bootstrapServers) (publish with: newswire publish --brokers \(bootstrapServers) --topic \(inputTopics[0]) FILE…)")
        }
        var configuration = WorkerConfiguration(
            bootstrapServers: bootstrapServers,
            group: group,
            inputTopics: inputTopics,
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
