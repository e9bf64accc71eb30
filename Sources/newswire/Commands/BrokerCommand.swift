import ArgumentParser
import Kafka
import Logging
import ServiceLifecycle

/// `newswire broker`: the embedded cluster (librdkafka's mock cluster) on its
/// own, so kcat, a second worker or a test can use it.
struct BrokerCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Runs the embedded Kafka cluster standalone and prints its bootstrap address.",
        discussion: """
            The address is printed alone on the first line of standard output, so scripts \
            can read it; try it with kcat -L -b ADDR. Stop with Ctrl-C or SIGTERM. The \
            cluster lives in memory and keeps only about the last 5 MiB of each partition.

            Examples:
              newswire broker --topic articles.raw:8
              addr=$(newswire broker --topic articles.raw | head -n1)
            """
    )

    @Option(help: "How many brokers the cluster has (1 to 16).")
    var brokerCount = 1

    @Option(name: .customLong("topic"), help: "A topic to create at start, as NAME or NAME:PARTITIONS (repeatable).")
    var topics: [String] = []

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard (1...16).contains(brokerCount) else {
            throw ValidationError("--broker-count \(brokerCount) is out of range; use a number from 1 to 16")
        }
        _ = try topics.map(TopicSpec.init(parsing:))
    }

    func run() async throws {
        let count = brokerCount
        let specs = try topics.map(TopicSpec.init(parsing:))
        let logger = Logger(label: "newswire.broker")
        let cluster = try EmbeddedCluster(brokers: count, logger: logger)
        for spec in specs {
            try cluster.createTopic(spec.name, partitions: spec.partitions)
        }
        StandardStreams.writeLine(cluster.bootstrapServers)
        StandardStreams.warn("newswire: embedded cluster of \(count) broker(s) at \(cluster.bootstrapServers); Ctrl-C stops it")
        let group = ServiceGroup(
            services: [EmbeddedClusterService(cluster: cluster)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
    }
}

/// Runs an embedded cluster as a ServiceLifecycle service until graceful shutdown.
struct EmbeddedClusterService: Service {
    let cluster: EmbeddedCluster

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await cluster.run()
        }
    }
}
