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

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable; wins over --kafka-config and NEWSWIRE_KAFKA_<PROPERTY>).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings.")
    var kafkaConfig: String?

    @Option(help: "In-flight input and output bytes of all partitions together; over it, partitions pause, e.g. 48MiB (default 48MiB).")
    var maxInFlightBytes: String?

    @Option(help: "How long a rebalance waits for revoked partitions' work before committing and releasing them.")
    var drainTimeout = "10s"

    @Option(name: .customLong("instance-id"), help: "A stable member id for static membership, e.g. the pod name: a restart keeps its partitions.")
    var instanceID: String?

    @Option(help: "/healthz fails when the worker had work but finished nothing for this long.")
    var stallTimeout = "300s"

    @Option(help: "Time from SIGTERM to exit: drain, commit and flush fit inside it; keep it below the orchestrator's grace period.")
    var shutdownGrace = "50s"

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard guarantee == "at-least-once" else {
            throw ValidationError("--guarantee '\(guarantee)' is not available in this build: the worker commits at-least-once; use --guarantee at-least-once")
        }
        _ = try OutputVersion.resolve(outputVersion)
        for topic in inputTopics where !topic.hasPrefix("^") {
            _ = try TopicSpec(parsing: topic)
        }
        _ = try limits()
        _ = try StatsAddress.parse(statsAddress)
        if let brokers {
            try BrokerCheck.validate(brokers)
        }
    }

    /// The Kafka properties and the worker's bounds, checked against each other.
    private func limits() throws -> (properties: [String: String], grace: Duration, drain: Duration, stall: Duration, budget: Int?) {
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        let grace = try DurationText.parse(shutdownGrace, flag: "shutdown-grace")
        let drain = try DurationText.parse(drainTimeout, flag: "drain-timeout")
        let stall = try DurationText.parse(stallTimeout, flag: "stall-timeout")
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
        let budget = try maxInFlightBytes.map { try ByteSizeText.parse($0, flag: "max-in-flight-bytes") }
        return (properties, grace, drain, stall, budget)
    }

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
        // Before any metric exists, so every counter lands in the registry /metrics serves.
        let registry = MetricsSetup.registry
        let version = try OutputVersion.resolve(outputVersion)
        let (properties, grace, drain, stall, budget) = try limits()
        let stats = try StatsAddress.parse(statsAddress)
        // Before joining the group: a taken port must not cost a rebalance.
        try stats?.checkAvailable()
        let logger = Logger(label: "newswire.run")
        logger.debug("librdkafka \(LibrdkafkaVersion.string)")

        var services: [any Service] = []
        let bootstrapServers: String
        if let brokers {
            _ = try await BrokerCheck.check(brokers, properties: properties, logger: logger)
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
        configuration.shutdownGrace = grace
        configuration.stallTimeout = stall
        configuration.stream.drainTimeout = drain
        configuration.instanceID = instanceID
        if let budget { configuration.stream.maxInFlightBytes = budget }
        // Dead letters log under a label of their own, which the log's rate limit counts apart.
        let worker = ArticleWorker(configuration: configuration, logger: logger, deadLetterLogger: Logger(label: "newswire.deadletters"))
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
