import ArgumentParser
import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// `newswire status`: where a consumer group stands on each partition of the
/// topics it consumes, read from the brokers (no group membership needed).
/// The topics are those the group has committed offsets on or its members
/// are assigned, so a worker's own output topics are not counted as lag.
struct StatusCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Prints each partition's committed offset, end offset and lag for a consumer group.",
        discussion: """
            Lists the topics the group consumes: those it has committed offsets on or its \
            members are assigned. A group the brokers do not know is an error.
            Where the brokers cannot describe groups (the embedded cluster), so is a group \
            without committed offsets.

            --json prints a group.status 1.0 document (Schemas/group.status/1.0.json) instead of \
            the table. --watch reports again every --interval seconds until Ctrl-C: on a terminal \
            the table redraws in place with each partition's committed messages per second; \
            with --json, one document per line.

            Examples:
              newswire status --brokers localhost:9092 --group newswire
              newswire status --brokers localhost:9092 --group newswire --watch
              newswire status --brokers localhost:9092 --group newswire --json
            """
    )

    @Option(help: "Bootstrap servers, host:port[,host:port…].")
    var brokers: String?

    @Option(help: "The consumer group.")
    var group = "newswire"

    @Option(name: .customLong("topic"), help: "A topic to report (repeatable; default: the topics the group consumes).")
    var topics: [String] = []

    @Option(help: "Seconds to wait for the brokers.")
    var timeout = 10

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE, e.g. TLS/SASL settings (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings.")
    var kafkaConfig: String?

    @Flag(help: "Print a JSON document (schema group.status 1.0) instead of the table; one line per report with --watch.")
    var json = false

    @Flag(help: "Report again every --interval seconds until Ctrl-C (or --count reports).")
    var watch = false

    @Option(help: "Seconds between reports with --watch.")
    var interval = 2

    @Option(help: "With --watch, stop after this many reports (default: until Ctrl-C or SIGTERM).")
    var count: Int?

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard let brokers else {
            throw ValidationError("status needs --brokers host:port (or NEWSWIRE_BROKERS)")
        }
        try BrokerCheck.validate(brokers)
        guard (1...600).contains(timeout) else {
            throw ValidationError("--timeout \(timeout) is out of range; use a number of seconds from 1 to 600")
        }
        for topic in topics {
            _ = try TopicSpec(parsing: topic)
        }
        _ = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        guard (1...3600).contains(interval) else {
            throw ValidationError("--interval \(interval) is out of range; use a number of seconds from 1 to 3600")
        }
        if let count {
            guard watch else { throw ValidationError("--count only applies with --watch; add --watch or drop --count") }
            guard count >= 1 else { throw ValidationError("--count \(count) is not a number of reports; use 1 or more") }
        }
    }

    func run() async throws {
        guard let brokers else { throw ValidationError("status needs --brokers host:port (or NEWSWIRE_BROKERS)") }
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        let logger = Logger(label: "newswire.status")
        let wait = Duration.seconds(timeout)
        let report: @Sendable () async throws -> GroupReport = { [group, topics] in
            let metadata = try await BrokerCheck.check(brokers, properties: properties, timeout: wait, logger: logger)
            let admin = try KafkaAdmin(bootstrapServers: brokers, properties: properties, logger: logger)
            do {
                let report = try await GroupReport.make(group: group, topics: topics, metadata: metadata, admin: admin, timeout: wait)
                await admin.close()
                return report
            } catch {
                await admin.close()
                throw error
            }
        }
        guard watch else {
            let once = try await report()
            if json {
                StandardStreams.writeLine(try once.document().jsonLine())
            } else {
                for line in once.lines() { StandardStreams.writeLine(line) }
            }
            return
        }
        let watcher = StatusWatch(report: report, interval: interval, count: count, json: json, terminal: isatty(STDOUT_FILENO) == 1)
        // Reaching --count is the end of the run, not a failure.
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [.init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        try await services.run()
    }
}
