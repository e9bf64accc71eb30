import Kafka
import Logging
import ServiceLifecycle

/// Re-runs a planned range of an input topic through the stream core —
/// the worker's own lanes, stages, publisher, commit tracker and dead-letter
/// handling — in a replay group, publishing the stages the processor is
/// asked for, and ends when every partition it holds has reached the end of
/// its range.
///
/// - The group is the replay's own, so the live workers' offsets are never
///   touched. Its committed offsets are the replay's progress: a rerun with
///   the same group continues from them, and several processes with the same
///   group share the partitions (an eager strategy, so each rebalance hands
///   every partition out afresh).
/// - Before the first run reads anything, the range's ends are kept in the
///   ends group (`ReplayGroup.endsGroup`) and its starts are committed in
///   the replay group, so any process of the group starts and stops at the
///   same offsets.
/// - Graceful shutdown (SIGTERM/SIGINT, when run in a ServiceGroup): stop
///   fetching, finish the work in flight, commit, leave the group.
///
/// Dead letters re-driven this way count their attempts on; a message that
/// fails again becomes a new dead letter.
public final class ReplayJob: Sendable {
    public let bootstrapServers: String
    public let group: String
    public let processor: MessageProcessor
    public let kafkaProperties: [String: String]
    public let settings: StreamSettings
    public let counters: WorkerCounters
    /// Partitions held and finished, for progress.
    public let tracker: ReplayTracker
    public let plan: ReplayPlan
    private let logger: Logger

    public init(
        plan: ReplayPlan, bootstrapServers: String, group: String, processor: MessageProcessor, kafkaProperties: [String: String] = [:],
        settings: StreamSettings = StreamSettings(), logger: Logger
    ) {
        self.plan = plan
        self.bootstrapServers = bootstrapServers
        self.group = group
        self.processor = processor
        self.kafkaProperties = kafkaProperties
        self.settings = settings
        let tracker = ReplayTracker(plan: plan)
        self.tracker = tracker
        self.counters = WorkerCounters(onCommitted: { tracker.committed() })
        self.logger = logger
    }

    /// Keeps the ends and starts of the plan in the group (what a first run
    /// fixes), subscribes, and runs until every partition this process holds
    /// is finished and committed, or until graceful shutdown; returns the
    /// totals once the work in flight is committed.
    public func run() async throws -> WorkerCounters.Totals {
        guard plan.remaining > 0 else { return counters.current }
        try await recordEnds()
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: logger)
        do {
            try await commitStarts(consumer)
            var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: bootstrapServers)
            producerConfiguration.linger = settings.producerLinger
            producerConfiguration.properties = kafkaProperties
            // The range ends when its last message is committed, however long
            // that takes: no drain deadline cuts the end short. (SIGTERM is
            // bounded by the service group's graceful-shutdown limit.)
            var settings = settings
            settings.drainTimeout = Self.noDeadline
            let core = StreamCore(
                processor: processor, consumer: consumer, producerConfiguration: producerConfiguration, settings: settings,
                counters: counters, logger: logger
            )
            let events = ReplayEvents(
                base: consumer.events.cancelOnGracefulShutdown(), consumer: consumer,
                ranges: Dictionary(uniqueKeysWithValues: plan.ranges.map { ($0.topicPartition, $0) }), tracker: tracker, logger: logger
            )
            try consumer.subscribe(topics: [plan.topic])
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await core.run(events: events, shutdownGrace: Self.noDeadline) }
                group.addTask { await self.closeWhenSettled(consumer) }
                // The core returns once its events end: closed when settled, or graceful shutdown.
                try await group.next()
                group.cancelAll()
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        return counters.current
    }

    /// Ends the run by closing the consumer (which ends the core's events)
    /// once every partition this process holds is finished and committed up
    /// to the last message handed on. Until then the core keeps handling
    /// events, rebalances included, so its last commit is never made while
    /// a revocation waits unanswered. Checked on every change the tracker
    /// hears of (assignments, revocations, finished partitions, accepted
    /// commits), against the group's committed offsets.
    private func closeWhenSettled(_ consumer: KafkaConsumer) async {
        for await _ in tracker.changes {
            var failures = 0
            while true {
                do {
                    guard try await isSettled(consumer) else { break }
                    await consumer.close()
                    return
                } catch {
                    // The group coordinator may be moving: ask again after a backoff.
                    failures += 1
                    logger.debug("could not read the group's committed offsets yet: \(error)")
                    do {
                        try await Task.sleep(for: settings.backoff(attempt: failures))
                    } catch {
                        return  // cancelled: the core ended first
                    }
                }
            }
        }
    }

    private func isSettled(_ consumer: KafkaConsumer) async throws -> Bool {
        let snapshot = tracker.snapshot
        guard snapshot.complete else { return false }
        let wanted = snapshot.assigned.compactMap { partition in snapshot.handedOn[partition].map { (partition, $0 + 1) } }
        guard !wanted.isEmpty else { return true }
        let committed = try await consumer.committed(wanted.map(\.0))
        let offsets = Dictionary(committed.map { ($0.topicPartition, $0.offset.rawValue) }) { first, _ in first }
        return wanted.allSatisfy { (offsets[$0.0] ?? -1) >= $0.1 }
    }

    private static let noDeadline = Duration.seconds(7 * 24 * 3600)

    var consumerConfiguration: KafkaConsumerConfiguration {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: group)
        // Eager: a rebalance revokes every partition and assigns afresh; a
        // member given nothing stands by until partitions move to it.
        configuration.assignmentStrategy = .roundRobin
        configuration.sessionTimeout = .seconds(10)
        // End-of-partition events end a range whose last offsets hold no data
        // message (transaction markers, compacted records).
        configuration.enablePartitionEOF = true
        // Few messages taken ahead of the in-flight bound: what is taken and
        // not yet committed is what a killed replay repeats.
        configuration.maxBatchSize = max(1, min(500, settings.maxInFlightMessages / 4))
        configuration.bufferedEvents = 2
        configuration.bufferedBytes = max(1 << 20, settings.maxInFlightBytes / 8)
        configuration.properties = kafkaProperties
        // Offsets are committed explicitly, only after acknowledgement.
        configuration.properties["enable.auto.commit"] = "false"
        configuration.properties["enable.auto.offset.store"] = "false"
        return configuration
    }

    /// Fixes the end of every partition whose end no earlier run fixed.
    private func recordEnds() async throws {
        let ends = plan.ranges.filter { !$0.endFixedEarlier }.map {
            KafkaPartitionOffset(topicPartition: $0.topicPartition, offset: KafkaOffset($0.end))
        }
        try await ReplayGroup.commit(
            ends, group: ReplayGroup.endsGroup(of: group), bootstrapServers: bootstrapServers, properties: kafkaProperties, logger: logger
        )
    }

    /// Commits the start of every partition where the group has no offset
    /// within the range yet, so the group's members begin there. Refused
    /// while another process of the group is running: it committed them.
    private func commitStarts(_ consumer: KafkaConsumer) async throws {
        let starts = plan.ranges.filter { range in (range.committed ?? -1) < range.start }.map {
            KafkaPartitionOffset(topicPartition: $0.topicPartition, offset: KafkaOffset($0.start))
        }
        guard !starts.isEmpty else { return }
        do {
            try await consumer.commit(starts)
        } catch {
            switch error.kind {
            case .membershipLost, .transient:
                // The group has members: another replay process committed the
                // starts already. Messages before a start are skipped anyway.
                logger.info("the group \(group) is active; not committing the range's starts: \(error)")
            case .fatal, .recordRejected:
                throw error
            }
        }
    }
}
