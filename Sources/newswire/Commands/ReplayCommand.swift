import ArgumentParser
import ArticleText
import Foundation
import Kafka
import Logging
import Pipeline
import ServiceLifecycle

/// `newswire replay`: reprocesses a range of an input topic (or re-drives the
/// dead letters) in a replay group, into the chosen stages' topics, and stops
/// at the end of the range. Time bounds are checked against the records;
/// the group's name comes from the arguments, so a rerun continues where a
/// stopped one left off and several processes share the work.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-runs a topic range through the stages, in its own consumer group.",
        discussion: """
            Examples:
              newswire replay --brokers kafka:9092 --from beginning --output-version 2.0   # backfill the v2 topics (enrich only)
              newswire replay --brokers kafka:9092 --from 2025-03-07T00:00:00Z --until 2025-03-08T00:00:00Z --dry-run
              newswire replay --brokers kafka:9092 --dlq --from beginning                   # re-drive dead letters
            Bounds are beginning, end, an offset (the same on every partition) or an ISO 8601 time. Rerun the same \
            command to continue a stopped replay; start it in several processes to share the partitions.
            """
    )

    @Option(help: "Bootstrap servers host:port[,…] (env NEWSWIRE_BROKERS).")
    var brokers: String?

    @Option(name: .customLong("input-topic"), help: "The topic to replay (default articles.raw; with --dlq the dead-letter topic).")
    var inputTopic: String?

    @Option(help: "First message: beginning, an offset, or an ISO 8601 time.")
    var from: String = "beginning"

    @Option(help: "Where to stop (exclusive): end (as of the first run), an offset, or an ISO 8601 time.")
    var until: String = "end"

    @Option(help: "The article.enriched schema version to write (env NEWSWIRE_OUTPUT_VERSION).")
    var outputVersion: String?

    @Option(help: "The stages whose records to write, e.g. parse,enrich (default: those whose version differs from the workers'; all when none does).")
    var stages: String?

    @Option(help: "Write to <prefix>.normalised.v1 … instead of the live topics (default articles).")
    var topicPrefix: String?

    @Option(help: "The replay's consumer group (default newswire-replay-<topic>-<hash of the arguments>).")
    var group: String?

    @Flag(help: "Replay even in a group that has committed offsets on the topic and is not a replay group.")
    var force = false

    @Flag(help: "Re-drive the dead-letter topic instead of the input topic.")
    var dlq = false

    @Flag(help: "Only print the range and the message count per partition; process nothing.")
    var dryRun = false

    @Option(help: "The most messages taken and not yet committed, about; a killed replay repeats at most 3 times this many (default 1024).")
    var maxInFlightMessages: Int?

    @Option(name: .customLong("kafka-property"), help: "A librdkafka property KEY=VALUE for every client (repeatable).")
    var kafkaProperties: [String] = []

    @Option(name: .customLong("kafka-config"), help: "A librdkafka properties file of key=value lines, e.g. TLS/SASL settings (env NEWSWIRE_KAFKA_CONFIG).")
    var kafkaConfig: String?

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
        guard let brokers = Environment.resolve(brokers, flag: "brokers") else {
            throw ValidationError("replay needs --brokers host:port (or NEWSWIRE_BROKERS)")
        }
        let options = try resolveOptions()
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: Environment.resolve(kafkaConfig, flag: "kafka-config"))
        let logger = Logger(label: "newswire.replay")
        let metadata = try await KafkaAdmin.checkBrokers(brokers, properties: properties, logger: logger)
        guard let described = metadata.topic(options.topic), !described.partitions.isEmpty else {
            if dlq {
                StandardStreams.writeLine("no dead letters yet: the cluster has no topic \(options.topic), so there is nothing to re-drive")
                return
            }
            throw ReplayError.noSuchTopic(options.topic)
        }
        let group = group ?? ReplayGroup.defaultName(
            topic: options.topic, from: options.from, until: options.until, enrichedVersion: options.version, stages: options.stages,
            topicPrefix: options.outputs.prefix
        )
        let plan = try await makePlan(options, partitions: described.partitions.map(\.id), group: group, brokers: brokers, properties: properties, logger: logger)
        let report = ReplayReport(plan: plan, group: group, options: options)
        if dlq && plan.total == 0 {
            StandardStreams.writeLine(options.from == .beginning && options.until == .end ? "no dead letters yet: \(options.topic) is empty" : "no dead letters in this range: nothing to re-drive")
            return
        }
        try report.printPlan()
        if dryRun { return }
        guard plan.remaining > 0 else {
            StandardStreams.writeLine(
                plan.resumed && plan.total > 0
                    ? "nothing left: group \(group) has committed every message of this range; nothing to do"
                    : "nothing to replay: the range holds no messages"
            )
            return
        }
        var settings = StreamSettings()
        settings.maxInFlightMessages = options.maxInFlight
        settings.window = min(settings.window, options.maxInFlight)
        settings.commitEvery = max(1, options.maxInFlight / 2)
        let job = ReplayJob(
            plan: plan, bootstrapServers: brokers, group: group,
            processor: MessageProcessor(topics: options.outputs, enrichedVersion: options.version, stages: options.stages),
            kafkaProperties: properties, settings: settings, logger: logger
        )
        let service = ReplayService(job: job)
        var configuration = ServiceGroupConfiguration(
            services: [.init(service: service, successTerminationBehavior: .gracefullyShutdownGroup)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        )
        configuration.maximumGracefulShutdownDuration = .seconds(50)
        try await ServiceGroup(configuration: configuration).run()
        let committed = try await committedOffsets(group: group, topic: options.topic, brokers: brokers, properties: properties, logger: logger)
        report.printResult(totals: service.totals ?? job.counters.current, tracker: job.tracker.snapshot, committed: committed)
    }

    /// The parsed and checked arguments: every mistake is caught here,
    /// before anything connects.
    private func resolveOptions() throws -> ReplayReport.Options {
        let from = try ReplayBound(parsing: from)
        let until = try ReplayBound(parsing: until)
        try ReplayBound.checkRange(from: from, until: until)
        let version = try OutputVersion.resolve(Environment.resolve(outputVersion, flag: "output-version"))
        let chosen = try stages.map { text throws(ReplayError) in try ReplayStages.parse(text) } ?? ReplayStages.defaults(enrichedVersion: version)
        let prefix = topicPrefix ?? "articles"
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw ValidationError("'\(prefix)' cannot start a topic name; use letters, digits, '.', '_' or '-', e.g. --topic-prefix backfill")
        }
        if let maxInFlightMessages, maxInFlightMessages < 1 {
            throw ValidationError("--max-in-flight-messages must be at least 1")
        }
        let topic = inputTopic ?? (dlq ? OutputTopics().deadLetter : "articles.raw")
        return ReplayReport.Options(
            topic: topic, from: from, until: until, version: version, stages: chosen, outputs: OutputTopics(prefix: prefix),
            maxInFlight: maxInFlightMessages ?? 1024
        )
    }

    /// Checks the group, reads what an earlier run left, resolves the bounds.
    private func makePlan(
        _ options: ReplayReport.Options, partitions: [Int32], group: String, brokers: String, properties: [String: String], logger: Logger
    ) async throws -> ReplayPlan {
        let admin = try KafkaAdmin(bootstrapServers: brokers, properties: properties, logger: logger)
        let reader = try KafkaRecordReader(bootstrapServers: brokers, properties: properties, logger: logger)
        do {
            let committed = try await ReplayGroup.committed(group, topic: options.topic, admin: admin)
            try ReplayGroup.check(group, committed: committed, topic: options.topic, force: force)
            let ends = try await ReplayGroup.committed(ReplayGroup.endsGroup(of: group), topic: options.topic, admin: admin)
            let plan = try await ReplayPlan.make(
                topic: options.topic, partitions: partitions, from: options.from, until: options.until, reader: reader,
                answers: BrokerTimeAnswers(reader: reader, logger: logger), group: ReplayPlan.GroupState(committed: committed, ends: ends)
            )
            await admin.close()
            return plan
        } catch {
            await admin.close()
            throw error
        }
    }

    private func committedOffsets(group: String, topic: String, brokers: String, properties: [String: String], logger: Logger) async throws
        -> [Int32: Int64]
    {
        let admin = try KafkaAdmin(bootstrapServers: brokers, properties: properties, logger: logger)
        do {
            let committed = try await ReplayGroup.committed(group, topic: topic, admin: admin)
            await admin.close()
            return committed
        } catch {
            await admin.close()
            throw error
        }
    }
}
