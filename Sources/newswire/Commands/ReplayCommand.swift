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
struct ReplayCommand: AsyncParsableCommand, LoggingCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-runs a topic range through the stages, in its own consumer group.",
        discussion: """
            Bounds are beginning, end, an offset (the same on every partition) or an ISO 8601 time; times \
            are checked against the records. Rerun the same command to continue a stopped replay; start it \
            in several processes to share the partitions.

            Examples (backfill the v2 topics, enrich only; one day, dry run; re-drive dead letters):
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

    @Option(help: "Where to stop (exclusive): end (as of the first run), an offset, or an ISO 8601 time.")
    var until: String = "end"

    @Option(help: "The article.enriched schema version to write: \(OutputVersion.supportedList).")
    var outputVersion = OutputVersion.defaultVersion.description

    @Option(help: "The stages whose records to write, e.g. parse,enrich (default: those whose version differs from the workers'; all when none does).")
    var stages: String?

    @Option(help: "Write to <prefix>.normalised.v1 … instead of the live topics (default articles).")
    var topicPrefix: String?

    @Option(help: "The replay's consumer group (default newswire-replay-<topic>-<hash of the arguments>); it keeps the range's progress and end, so reuse it only with the same arguments.")
    var group: String?

    @Flag(help: "Replay even in a group that has committed offsets on the topic and is not a replay group.")
    var force = false

    @Flag(help: "Re-drive the dead-letter topic instead of the input topic.")
    var dlq = false

    @Flag(help: "Only print the range and the message count per partition; process nothing.")
    var dryRun = false

    @Option(help: "The most messages in flight (default 1024): a killed replay, rerun, repeats about 2¼ times this many at most.")
    var maxInFlightMessages: Int?

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
        _ = try options()
        _ = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
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

    /// The parsed and checked arguments: every mistake is a usage error,
    /// caught before anything connects.
    private func options() throws -> ReplayReport.Options {
        let from: ReplayBound
        let until: ReplayBound
        let chosen: Set<Stage>?
        do {
            (from, until) = (try ReplayBound(parsing: self.from), try ReplayBound(parsing: self.until))
            chosen = try stages.map { text throws(ReplayError) in try ReplayStages.parse(text) }
        } catch {
            throw ValidationError(error.description)
        }
        if let problem = Self.emptyRange(from: from, until: until) {
            throw ValidationError(problem)
        }
        let version = try OutputVersion.resolve(outputVersion)
        let prefix = topicPrefix ?? "articles"
        guard !prefix.isEmpty, prefix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }) else {
            throw ValidationError("--topic-prefix '\(prefix)' cannot start a topic name; use letters, digits, '.', '_' or '-', e.g. --topic-prefix backfill")
        }
        if let maxInFlightMessages, maxInFlightMessages < 1 {
            throw ValidationError("--max-in-flight-messages must be at least 1")
        }
        if let inputTopic {
            _ = try TopicSpec(parsing: inputTopic)
        }
        return ReplayReport.Options(
            topic: inputTopic ?? (dlq ? OutputTopics().deadLetter : "articles.raw"), from: from, until: until, version: version,
            stages: chosen ?? ReplayStages.defaults(enrichedVersion: version), outputs: OutputTopics(prefix: prefix),
            maxInFlight: maxInFlightMessages ?? 1024
        )
    }

    func run() async throws {
        MallocTuning.returnLargeBuffersAtOnce()
        guard let brokers else { throw ValidationError("replay needs --brokers host:port (or NEWSWIRE_BROKERS)") }
        let options = try options()
        let properties = try KafkaProperties.resolve(options: kafkaProperties, configFile: kafkaConfig)
        var logger = Logger(label: "newswire.replay")
        if ReplayProgressDisplay.drawsBar && !logging.verbose {
            // The bar shows the progress; info lines would only break into it.
            logger.logLevel = .warning
        }
        let metadata = try await BrokerCheck.check(brokers, properties: properties, logger: logger)
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
        if dlq && plan.total == 0 && !plan.resumed {
            let everything = options.from == .beginning && options.until == .end
            StandardStreams.writeLine(everything ? "no dead letters yet: \(options.topic) is empty" : "no dead letters in this range: nothing to re-drive")
            return
        }
        let report = ReplayReport(plan: plan, group: group, options: options)
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
        try report.printResult(totals: service.totals ?? job.counters.current, tracker: job.tracker.snapshot, committed: committed)
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
