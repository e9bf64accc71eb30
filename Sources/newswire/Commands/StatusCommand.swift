import ArgumentParser
import Kafka
import Logging

/// `newswire status`: where a consumer group stands on each partition, read
/// from the brokers (no group membership needed).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Prints each partition's committed offset, end offset and lag for a consumer group."
    )

    @Option(help: "Bootstrap servers, host:port[,host:port…] (env NEWSWIRE_BROKERS).")
    var brokers: String?

    @Option(help: "The consumer group (env NEWSWIRE_GROUP).")
    var group: String?

    @Option(name: .customLong("topic"), help: "A topic to report (repeatable; default: every topic not starting with '_').")
    var topics: [String] = []

    @Option(help: "Seconds to wait for the brokers.")
    var timeout: Int = 10

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE, e.g. TLS/SASL settings (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings (env NEWSWIRE_KAFKA_CONFIG).")
    var kafkaConfig: String?

    func run() async throws {
        guard let brokers = Environment.resolve(brokers, flag: "brokers") else {
            throw ValidationError("status needs --brokers host:port (or NEWSWIRE_BROKERS)")
        }
        let group = Environment.resolve(group, flag: "group", fallback: "newswire") ?? "newswire"
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: Environment.resolve(kafkaConfig, flag: "kafka-config"))
        let logger = Logger(label: "newswire.status")
        let metadata = try await KafkaAdmin.checkBrokers(brokers, properties: properties, timeout: .seconds(timeout), logger: logger)
        let names = topics.isEmpty ? metadata.topics.map(\.name).filter { !$0.hasPrefix("_") }.sorted() : topics
        let admin = try KafkaAdmin(bootstrapServers: brokers, properties: properties, logger: logger)
        let rows: [KafkaGroupPartitionOffsets]
        do {
            rows = try await admin.groupOffsets(group: group, topics: names, timeout: .seconds(timeout))
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
        StandardStreams.writeLine("group \(group)")
        StandardStreams.writeLine(pad(["topic", "partition", "committed", "end", "lag"]))
        for row in rows {
            StandardStreams.writeLine(pad([
                row.topicPartition.topic, "\(row.topicPartition.partition)",
                row.committed.map(String.init) ?? "-", "\(row.high)", "\(row.lag)",
            ]))
        }
        StandardStreams.writeLine("total lag \(rows.reduce(0) { $0 + $1.lag })")
    }

    private func pad(_ cells: [String]) -> String {
        let widths = [28, 10, 12, 12, 10]
        return zip(cells, widths).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }.joined()
    }
}
