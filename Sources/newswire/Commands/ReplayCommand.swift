import ArgumentParser
import Foundation
import Kafka
import Logging
import Pipeline

/// `newswire replay`: reprocesses a range of an input topic (or re-drives the
/// dead letters) in its own consumer group, into the current or a new schema
/// version's topics, and stops at the end of the range.
struct ReplayCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-runs a topic range through the stages, in its own consumer group.",
        discussion: """
            Bounds are beginning, end, an offset (the same on every partition) or an ISO 8601 time.

            Examples (backfill the v2 topics; one day, dry run; re-drive dead letters):
              newswire replay --brokers kafka:9092 --output-version 2.0
              newswire replay --brokers kafka:9092 --dry-run \\
                --from 2025-03-07T00:00:00Z --until 2025-03-08T00:00:00Z
              newswire replay --brokers kafka:9092 --dlq
            """
    )

    @Option(help: "Bootstrap servers host:port[,…].")
    var brokers: String?

    @Option(name: .customLong("input-topic"), help: "The topic to replay (default articles.raw; with --dlq the dead-letter topic).")
    var inputTopic: String?

    @Option(help: "First message: beginning, an offset, or an ISO 8601 time.")
    var from: String = "beginning"

    @Option(help: "Where to stop (exclusive): end (as of now), an offset, or an ISO 8601 time.")
    var until: String = "end"

    @Option(help: "The article.enriched schema version to write: \(OutputVersion.supportedList).")
    var outputVersion = OutputVersion.defaultVersion.description

    @Option(help: "The replay's own consumer group (default newswire-replay-<time>).")
    var group: String?

    @Flag(help: "Re-drive the dead-letter topic instead of the input topic.")
    var dlq = false

    @Flag(help: "Only print the range per partition; process nothing.")
    var dryRun = false

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings.")
    var kafkaConfig: String?

    @OptionGroup var logging: LogOptions

    func validate() throws {
        guard let brokers else {
            throw ValidationError("replay needs --brokers host:port (or NEWSWIRE_BROKERS)")
        }
        try BrokerCheck.validate(brokers)
        let range = try bounds()
        if let problem = Self.emptyRange(from: range.from, until: range.until) {
            throw ValidationError(problem)
        }
        _ = try OutputVersion.resolve(outputVersion)
        _ = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        if let inputTopic {
            _ = try TopicSpec(parsing: inputTopic)
        }
    }

    private func bounds() throws -> (from: ReplayBound, until: ReplayBound) {
        do {
            return (try ReplayBound(parsing: from), try ReplayBound(parsing: until))
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// Why `from..<until` is empty whatever the topic holds, if it is: the
    /// same kind of bound (offsets, or times) with `until` not after `from`.
    static func emptyRange(from: ReplayBound, until: ReplayBound) -> String? {
        switch (from, until) {
        case let (.offset(start), .offset(end)) where end <= start:
            "--until \(end) is not after --from \(start), so the range is empty; give an --until offset above \(start)"
        case let (.time(start), .time(end)) where end <= start:
            "--until \(end.formatted(.iso8601)) is not after --from \(start.formatted(.iso8601)), so the range is empty; give a later --until"
        case (.end, _):
            "--from end starts after every message, so the range is empty; give an earlier --from"
        case (_, .beginning):
            "--until beginning ends before every message, so the range is empty; give a later --until"
        default:
            nil
        }
    }

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
        guard let brokers else { throw ValidationError("replay needs --brokers host:port (or NEWSWIRE_BROKERS)") }
        let (from, until) = try bounds()
        let version = try OutputVersion.resolve(outputVersion)
        let topics = OutputTopics()
        let topic = inputTopic ?? (dlq ? topics.deadLetter : "articles.raw")
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        let logger = Logger(label: "newswire.replay")
        let metadata = try await BrokerCheck.check(brokers, properties: properties, logger: logger)
        if dlq && inputTopic == nil && metadata.topic(topic) == nil {
            StandardStreams.writeLine("no dead letters yet: the cluster has no topic \(topic), so there is nothing to re-drive")
            return
        }

        let job = ReplayJob(
            bootstrapServers: brokers,
            group: group ?? "newswire-replay-\(Int(Date().timeIntervalSince1970))",
            processor: MessageProcessor(topics: topics, enrichedVersion: version),
            kafkaProperties: properties
        )
        let consumer = try job.makeConsumer(logger: logger)
        let admin = try KafkaAdmin(bootstrapServers: brokers, properties: properties, logger: logger)
        let plan: ReplayPlan
        do {
            plan = try await ReplayPlan.make(topic: topic, from: from, until: until, consumer: consumer, admin: admin)
            await admin.close()
        } catch {
            await admin.close()
            await consumer.close()
            throw error
        }
        StandardStreams.writeLine("replay \(topic) from \(from) until \(until) into article.enriched \(version) (group \(job.group))")
        for range in plan.ranges {
            StandardStreams.writeLine("  \(range.topicPartition): offsets \(range.start)..<\(range.end) (\(range.count) messages)")
        }
        StandardStreams.writeLine("  total \(plan.total) messages")
        if dlq && plan.total == 0 {
            StandardStreams.writeLine("no dead letters in this range: nothing to re-drive")
            await consumer.close()
            return
        }
        if dryRun {
            await consumer.close()
            return
        }
        let totals = try await job.run(plan, consumer: consumer, logger: logger)
        StandardStreams.writeLine(
            "replayed \(totals.consumed) message(s): \(totals.articles) article(s), \(totals.produced) record(s) written, \(totals.deadLettered) dead letter(s)"
        )
    }
}
