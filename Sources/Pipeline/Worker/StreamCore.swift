import Kafka
import Logging

/// The worker's core: one structured task tree that streams messages through
/// the stages and out, instead of handling them batch by batch.
///
/// ```
/// intake ─► lanes ─► stage tasks (StageExecutor) ─► lanes reorder ─► publisher ─► producer
///   │         ▲                                                                      │
///   │         └────────────── delivery reports (producer thread) ◄───────────────────┘
///   └─ rebalances          commit tracker (every ~1 s, on revoke, at the end)
///                          flow controller (pause/resume partitions by bytes)
/// ```
///
/// - The intake reads the consumer's events and never waits on the work:
///   each message gets a slot in its partition's lane and a stage task.
/// - Stage tasks run on `StageExecutor` (one thread per core), many at once,
///   also within one partition; the lane hands results to the publisher in
///   offset order as soon as the oldest unpublished one is done.
/// - The commit tracker commits the highest offset whose outputs and every
///   earlier one's are acknowledged or dead-lettered.
/// - Over a byte or count bound a partition is paused while polling goes on,
///   and resumed once drained to half.
/// - A revoke stops feeding the revoked lanes, waits for their work up to
///   the drain timeout, commits what is acknowledged, then releases them; a
///   lost partition's work is dropped.
///
/// `run(events:)` returns when `events` ends (graceful shutdown, or the end of
/// a replay's range) after draining, committing and flushing; it throws when
/// the core cannot go on. When its task is cancelled it stops waiting: the
/// drain ends at once and the final flush within one slice (0.1 s), and what
/// is unacknowledged stays uncommitted, to be read again. A bounded job
/// (replay) drives it the same way with its own event sequence and a fixed
/// assignment.
public final class StreamCore: Sendable {
    public let processor: MessageProcessor
    public let settings: StreamSettings
    public let counters: WorkerCounters
    let health: WorkerHealth
    private let consumer: KafkaConsumer
    private let producerConfiguration: KafkaProducerConfiguration
    private let logger: Logger
    private let deadLetterLogger: Logger
    let table: LaneTable
    private let publishItems: AsyncStream<PublishItem>
    private let publishContinuation: AsyncStream<PublishItem>.Continuation
    private let flowWakes: AsyncStream<Void>
    private let flowContinuation: AsyncStream<Void>.Continuation
    private let commitDue: AsyncStream<Void>

    public init(
        processor: MessageProcessor, consumer: KafkaConsumer, producerConfiguration: KafkaProducerConfiguration,
        settings: StreamSettings = StreamSettings(), counters: WorkerCounters = WorkerCounters(),
        health: WorkerHealth = WorkerHealth(), logger: Logger = Logger(label: "newswire.core"), deadLetterLogger: Logger? = nil
    ) {
        self.processor = processor
        self.consumer = consumer
        self.producerConfiguration = producerConfiguration
        self.settings = settings
        self.counters = counters
        self.health = health
        self.logger = logger
        self.deadLetterLogger = deadLetterLogger ?? logger
        (publishItems, publishContinuation) = AsyncStream.makeStream(of: PublishItem.self)
        (flowWakes, flowContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let (due, dueContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        commitDue = due
        table = LaneTable(
            settings: settings, counters: counters, publish: publishContinuation,
            onFlowChange: { [flowContinuation] in flowContinuation.yield() },
            onCommitDue: { dueContinuation.yield() }
        )
    }

    /// Runs until `events` ends, then drains (within `drainTimeout`),
    /// commits and flushes within `shutdownGrace`. `assigned` are partitions
    /// that are already this consumer's (a replay's manual assignment).
    public func run<Events: AsyncSequence & Sendable>(
        events: Events, assigned: [KafkaTopicPartition] = [], shutdownGrace: Duration = .seconds(50)
    ) async throws where Events.Element == KafkaConsumerEvent {
        table.assign(assigned)
        let table = table
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger) { ticket, report in
            table.delivered(ticket, report)
        }
        let executor = StageExecutor(threads: settings.stageThreads)
        let commits = CommitTracker(consumer: consumer, table: table, settings: settings, counters: counters, logger: logger, due: commitDue)
        let publisher = Publisher(
            producer: producer, processor: processor, table: table, settings: settings, requeue: publishContinuation,
            counters: counters, logger: logger, deadLetterLogger: deadLetterLogger
        )
        do {
            try await withThrowingTaskGroup(of: Part.self) { parts in
                parts.addTask {
                    try await publisher.run(self.publishItems)
                    return .helper
                }
                parts.addTask {
                    try await commits.run()
                    return .helper
                }
                parts.addTask {
                    await self.controlFlow()
                    return .helper
                }
                parts.addTask {
                    await self.followStatistics()
                    return .helper
                }
                parts.addTask { [counters] in
                    for await statistics in producer.statistics { counters.metrics.update(producer: statistics) }
                    return .helper
                }
                parts.addTask {
                    try await self.intake(events, executor: executor, commits: commits, maxMessageBytes: producer.maxMessageBytes)
                    return .intake
                }
                while let part = try await parts.next(), part != .intake {}
                if let failure = table.failure { throw failure }
                try await finish(commits: commits, grace: shutdownGrace)
                parts.cancelAll()
                publishContinuation.finish()
                flowContinuation.finish()
            }
        } catch {
            let failure = Self.workerError(error)
            health.failed("\(failure)")
            table.fail(failure)
            await executor.shutdown()
            await producer.close(timeout: .seconds(1))
            throw failure
        }
        await executor.shutdown()
        await producer.close(timeout: max(.seconds(1), shutdownGrace / 4))
    }

    private enum Part: Sendable { case intake, helper }

    private static func workerError(_ error: any Error) -> WorkerError {
        if let error = error as? WorkerError { return error }
        if let error = error as? KafkaError { return .fatal(error) }
        return .fatal(KafkaError(code: .fatal, name: "_FATAL", message: "\(error)"))
    }

    /// The `/healthz` answer.
    public var healthStatus: HealthStatus { health.health(table.snapshot) }
    /// The `/readyz` answer.
    public var readiness: HealthStatus { health.readiness(table.snapshot) }

    // MARK: the parts

    private func intake<Events: AsyncSequence & Sendable>(
        _ events: Events, executor: StageExecutor, commits: CommitTracker, maxMessageBytes: Int
    ) async throws where Events.Element == KafkaConsumerEvent {
        let table = table
        let processor = processor
        let counters = counters
        try await withThrowingDiscardingTaskGroup { stages in
            for try await event in events {
                switch event {
                case .messages(let batch):
                    for message in batch {
                        guard let ticket = table.admit(message) else { continue }
                        counters.admitted(bytes: message.byteCount)
                        stages.addTask(executorPreference: executor) {
                            let processed = processor.process(message, meters: counters.metrics, maxRecordBytes: maxMessageBytes)
                            table.processed(ticket, PublishPlan(processed, processor: processor, maxMessageBytes: maxMessageBytes))
                        }
                    }
                    flowContinuation.yield()
                case .partitionsAssigned(let partitions):
                    counters.rebalanced()
                    table.assign(partitions)
                    health.assigned()
                    // A partition paused under an earlier assignment may still be paused.
                    resume(partitions)
                    logger.info("partitions assigned: \(AssignmentText.describe(partitions)); assignment now \(assignmentNow)")
                case .partitionsRevoked(let revocation):
                    counters.rebalanced()
                    try await revoke(revocation, commits: commits)
                case .partitionEOF:
                    break
                case .error(let error):
                    consumerError(error)
                }
                if let failure = table.failure { throw failure }
            }
        }
    }

    /// The rebalance contract: everything for these partitions came before
    /// this event, and they are released when the intake asks for the next.
    private func revoke(_ revocation: KafkaRevocation, commits: CommitTracker) async throws {
        let partitions = revocation.partitions
        guard !revocation.lost else {
            table.remove(partitions)
            logger.warning("partitions lost: \(AssignmentText.describe(partitions)); their in-flight work was dropped; assignment now \(assignmentNow)")
            return
        }
        health.beginDraining()
        defer { health.endDraining() }
        let deadline = ContinuousClock.now + settings.drainTimeout
        table.beginRevoking(partitions)
        let drained = await drain(Set(partitions), until: deadline)
        try await commits.commitBefore(deadline + .seconds(2), Set(partitions))
        table.remove(partitions)
        logger.info(
            "partitions revoked: \(AssignmentText.describe(partitions)) (\(drained ? "drained" : "not drained within the drain timeout")); assignment now \(assignmentNow)"
        )
    }

    /// The partitions this worker has lanes for, as the log names them: after
    /// a cooperative rebalance the event carries only the change.
    private var assignmentNow: String { AssignmentText.describe(table.assignedPartitions) }

    /// Waits until the partitions hold no messages or the deadline passes;
    /// returns whether they drained.
    private func drain(_ partitions: Set<KafkaTopicPartition>, until deadline: ContinuousClock.Instant) async -> Bool {
        let table = table
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await table.waitDrained(partitions)
                return true
            }
            group.addTask {
                do {
                    try await Task.sleep(until: deadline, clock: .continuous)
                } catch {
                    return false  // cancelled: the drain finished first
                }
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    private func consumerError(_ error: KafkaError) {
        switch error.code {
        case .maxPollExceeded:
            health.evicted()
            logger.error("the consumer left the group: \(error)")
        case .allBrokersDown:
            health.brokers(reachable: false)
            logger.warning("no broker reachable: \(error)")
        default:
            logger.warning("consumer error: \(error)")
        }
        if error.kind == .fatal {
            table.fail(.fatal(consumer.fatalError ?? error))
        }
    }

    /// Applies pause and resume decisions whenever the lanes' bytes change.
    private func controlFlow() async {
        for await _ in flowWakes {
            let (pause, resume) = table.flowChanges()
            if !pause.isEmpty {
                do {
                    try consumer.pause(pause)
                    logger.debug("paused \(pause)")
                } catch {
                    logger.debug("could not pause \(pause): \(error)")
                }
            }
            self.resume(resume)
        }
    }

    private func resume(_ partitions: [KafkaTopicPartition]) {
        guard !partitions.isEmpty else { return }
        do {
            try consumer.resume(partitions)
            logger.debug("resumed \(partitions)")
        } catch {
            logger.debug("could not resume \(partitions): \(error)")
        }
    }

    private func followStatistics() async {
        for await statistics in consumer.statistics {
            table.update(statistics)
            health.update(statistics)
        }
    }

    /// The end: stop fetching, let the work in flight finish (within the drain
    /// timeout and the grace), commit it, and let `run` flush the producer.
    private func finish(commits: CommitTracker, grace: Duration) async throws {
        health.stopping()
        let started = ContinuousClock.now
        let paused = table.pauseAll()
        if !paused.isEmpty {
            do {
                try consumer.pause(paused)
            } catch {
                logger.debug("could not pause \(paused) at shutdown: \(error)")
            }
        }
        let partitions = Set(table.assignedPartitions)
        let deadline = started + min(settings.drainTimeout, grace / 2)
        let drained = await drain(partitions, until: deadline)
        if let failure = table.failure { throw failure }
        try await commits.commitBefore(started + grace * 3 / 4)
        logger.info("stream core stopped", metadata: ["drained": "\(drained)", "committed": "\(counters.current.committed)"])
    }
}
