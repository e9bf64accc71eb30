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

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable; wins over --kafka-config and NEWSWIRE_KAFKA_<PROPERTY>).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings (env NEWSWIRE_KAFKA_CONFIG).")
    var kafkaConfig: String?

    @Option(help: "In-flight input and output bytes of all partitions together; over it, partitions pause, e.g. 48MiB (env NEWSWIRE_MAX_IN_FLIGHT_BYTES).")
    var maxInFlightBytes: String?

    @Option(help: "How long a rebalance waits for revoked partitions' work before committing and releasing them, e.g. 10s (env NEWSWIRE_DRAIN_TIMEOUT).")
    var drainTimeout: String?

    @Option(name: .customLong("instance-id"), help: "A stable member id for static membership, e.g. the pod name: a restart keeps its partitions (env NEWSWIRE_INSTANCE_ID).")
    var instanceID: String?

    @Option(help: "/healthz fails when the worker had work but finished nothing for this long, e.g. 300s (env NEWSWIRE_STALL_TIMEOUT).")
    var stallTimeout: String?

    @Option(help: "Time from SIGTERM to exit: drain, commit and flush fit inside it; keep it below the orchestrator's grace period, e.g. 50s (env NEWSWIRE_SHUTDOWN_GRACE).")
    var shutdownGrace: String?

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
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
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: Environment.resolve(kafkaConfig, flag: "kafka-config"))
        let grace = try DurationText.resolve(shutdownGrace, flag: "shutdown-grace", fallback: .seconds(50))
        let drain = try DurationText.resolve(drainTimeout, flag: "drain-timeout", fallback: .seconds(10))
        let stall = try DurationText.resolve(stallTimeout, flag: "stall-timeout", fallback: .seconds(300))
        guard grace >= .seconds(2) else {
            throw ValidationError("--shutdown-grace must be at least 2s, so the worker can drain, commit and flush before it exits")
        }
        guard drain < grace else {
            throw ValidationError("--drain-timeout must be shorter than --shutdown-grace, or a shutdown could not finish draining in time")
        }
        if let timeout = properties["message.timeout.ms"], (Int(timeout) ?? Int.max) >= Int(grace.components.seconds) * 1000 {
            throw ValidationError(
                "the Kafka property message.timeout.ms must be a number of milliseconds below --shutdown-grace, so every output gets its final delivery report before the worker must exit; lower it or raise --shutdown-grace"
            )
        }
        let budget = try Environment.resolve(maxInFlightBytes, flag: "max-in-flight-bytes").map { try ByteSizeText.parse($0, flag: "max-in-flight-bytes") }
        let instance = Environment.resolve(instanceID, flag: "instance-id")
        let stats = try StatsAddress.parse(Environment.resolve(statsAddress, flag: "stats-address", fallback: StatsAddress.defaultValue) ?? StatsAddress.defaultValue)
        let logger = Logger(label: "newswire.run")
        logger.info("librdkafka \(LibrdkafkaVersion.string)")

        var services: [any Service] = []
        let bootstrapServers: String
        if let given = Environment.resolve(brokers, flag: "brokers") {
            _ = try await KafkaAdmin.checkBrokers(given, properties: properties, logger: logger)
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
        configuration.shutdownGrace = grace
        configuration.stallTimeout = stall
        configuration.stream.drainTimeout = drain
        configuration.instanceID = instance
        if let budget { configuration.stream.maxInFlightBytes = budget }
        let worker = ArticleWorker(configuration: configuration, logger: logger)
        if let stats {
            services.append(StatsServer.application(
                host: stats.host, port: stats.port, source: StatsSource(worker: worker), registry: registry, logger: logger
            ) { port in
                StandardStreams.warn("newswire: stats at http://\(stats.host):\(port)/ (/stats, /metrics, /healthz, /readyz)")
            })
        }
        services.append(worker)
        var groupConfiguration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        )
        // A worker that cannot finish within the grace is cancelled rather than killed later.
        groupConfiguration.maximumGracefulShutdownDuration = grace
        let serviceGroup = ServiceGroup(configuration: groupConfiguration)
        try await serviceGroup.run()
    }
}
