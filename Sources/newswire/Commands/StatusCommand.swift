import ArgumentParser
import Kafka
import Logging

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

            Example:
              newswire status --brokers localhost:9092 --group newswire
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
    }

    func run() async throws {
        guard let brokers else { throw ValidationError("status needs --brokers host:port (or NEWSWIRE_BROKERS)") }
        let logger = Logger(label: "newswire.status")
        let wait = Duration.seconds(timeout)
        let metadata = try await BrokerCheck.check(brokers, timeout: wait, logger: logger)
        let admin = try KafkaAdmin(bootstrapServers: brokers, logger: logger)
        let report: GroupReport
        do {
            report = try await GroupReport.make(group: group, topics: topics, metadata: metadata, admin: admin, timeout: wait)
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
        for line in report.lines { StandardStreams.writeLine(line) }
    }
}
