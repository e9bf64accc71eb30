import ArgumentParser
import Foundation
import Kafka
import Logging
import Pipeline

/// `newswire replay`: reprocesses a range of an input topic (or re-drives the
/// dead letters) in its own consumer group, into the current or a new schema
/// version's topics, and stops at the end of the range.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-runs a topic range through the stages, in its own consumer group.",
        discussion: """
            Examples:
              newswire replay --brokers kafka:9092 --from beginning --output-version 2.0   # backfill the v2 topics
              newswire replay --brokers kafka:9092 --from 2025-03-07T00:00:00Z --until 2025-03-08T00:00:00Z --dry-run
              newswire replay --brokers kafka:9092 --dlq --from beginning                   # re-drive dead letters
            Bounds are beginning, end, an offset (the same on every partition) or an ISO 8601 time.
            """
    )

    @Option(help: "Bootstrap servers host:port[,…] (env NEWSWIRE_BROKERS).")
    var brokers: String?

    @Option(name: .customLong("input-topic"), help: "The topic to replay (default articles.raw; with --dlq the dead-letter topic).")
    var inputTopic: String?

    @Option(help: "First message: beginning, an offset, or an ISO 8601 time.")
    var from: String = "beginning"

    @Option(help: "Where to stop (exclusive): end (as of now), an offset, or an ISO 8601 time.")
    var until: String = "end"

    @Option(help: "The article.enriched schema version to write (env NEWSWIRE_OUTPUT_VERSION).")
    var outputVersion: String?

    @Option(help: "The replay's own consumer group (default newswire-replay-<time>).")
    var group: String?

    @Flag(help: "Re-drive the dead-letter topic instead of the input topic.")
    var dlq = false

    @Flag(help: "Only print the range per partition; process nothing.")
    var dryRun = false

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings (env NEWSWIRE_KAFKA_CONFIG).")
    var kafkaConfig: String?

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
        guard let brokers = Environment.resolve(brokers, flag: "brokers") else {
            throw ValidationError("replay needs --brokers host:port (or NEWSWIRE_BROKERS)")
        }
        let from = try ReplayBound(parsing: from)
        let until = try ReplayBound(parsing: until)
        let version = try OutputVersion.resolve(Environment.resolve(outputVersion, flag: "output-version"))
        let topics = OutputTopics()
        let topic = inputTopic ?? (dlq ? topics.deadLetter : "articles.raw")
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: Environment.resolve(kafkaConfig, flag: "kafka-config"))
        let logger = Logger(label: "newswire.replay")
        _ = try await KafkaAdmin.checkBrokers(brokers, properties: properties, logger: logger)

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
