import Dispatch
import Kafka
import Logging
import Pipeline
import Testing
import TestSupport

/// A worker cancelled while its group coordinator is down or very slow
/// returns soon, and loses nothing: the final commit and the consumer's close
/// (leaving the group) both wait on the coordinator, and both give up when
/// the task is cancelled. What they could not commit is read again by the
/// next member of the group (at-least-once).
///
/// The input and output topics are led by broker 1 and the group is
/// coordinated by broker 2, so the coordinator fails alone. Before the fix,
/// with the coordinator slow, the cancelled worker blocked in
/// `rd_kafka_commit` (and then in `rd_kafka_consumer_close`) past the bound;
/// with it down, the cancelled backoff between commit attempts surfaced as
/// a fatal error (`CancellationError` wrapped as `_FATAL`).
@Suite(.timeLimit(.minutes(3)))
struct MockClusterWorkerCoordinatorTests {
    let logger = {
        var logger = Logger(label: "test.worker-coordinator")
        logger.logLevel = .critical
        return logger
    }()

    enum CoordinatorFault: Sendable, CustomStringConvertible {
        /// The coordinator refuses connections.
        case down
        /// The coordinator answers every request a minute late.
        case slow

        var description: String { self == .down ? "down" : "slow" }
    }

    /// How long a cancelled worker may take to return. The worker itself
    /// gives up within one commit slice (0.1 s) and stops waiting for the
    /// close at once; the rest is slack for a loaded 2-core machine.
    static let returnBound = Duration.seconds(10)

    @Test(arguments: [CoordinatorFault.down, .slow])
    func aWorkerCancelledWhileItsCoordinatorFailsReturnsAndLosesNothing(_ fault: CoordinatorFault) async throws {
        let cluster = try EmbeddedCluster(brokers: 2, logger: logger)
        let topics = OutputTopics(prefix: "k\(UInt32.random(in: 0...UInt32.max))")
        let input = "\(topics.prefix).raw"
        let partitions = 2
        let version = RecordEncoding.latest(.enriched, major: 1)!
        let normalised = try topics.topic(for: .normalised, major: 1)
        for name in [input, normalised, try topics.topic(for: .parsed, major: 1), try topics.topic(for: .enriched, version: version), topics.deadLetter] {
            try cluster.createTopic(name, partitions: partitions)
            for partition in 0..<partitions { try cluster.setPartitionLeader(topic: name, partition: Int32(partition), broker: 1) }
        }
        let group = "g\(UInt32.random(in: 0...UInt32.max))"
        try cluster.setGroupCoordinator(group: group, broker: 2)
        let first = WorkerHarness.articles(topic: input, count: 20, partitions: partitions)
        let second = WorkerHarness.articles(topic: input, count: 20, partitions: partitions, from: 20)
        try await send(first, cluster: cluster)

        let worker = ArticleWorker(configuration: configuration(cluster: cluster, group: group, input: input, topics: topics), logger: logger)
        let returned = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                defer { returned.signal() }
                do {
                    try await worker.run()
                } catch is CancellationError {
                    return
                }
            }
            try await eventually("the first inputs committed") { worker.counters.current.committed >= first.count }
            switch fault {
            case .down: try cluster.setBrokerDown(2)
            case .slow: try cluster.setRoundTripTime(broker: 2, milliseconds: 60_000)
            }
            try await send(second, cluster: cluster)
            try await eventually("every input's outputs acknowledged") { worker.counters.current.completed >= first.count + second.count }
            let cancelled = ContinuousClock.now
            tasks.cancelAll()
            let inTime = await returned.signalled(within: Self.returnBound)
            let took = ContinuousClock.now - cancelled
            // Lets a wait that ignored the cancel end, so a failure fails instead of hanging.
            try cluster.setBrokerUp(2)
            try cluster.setRoundTripTime(broker: 2, milliseconds: 0)
            try await tasks.waitForAll()
            print("coordinator \(fault): the cancelled worker returned after \(took) (inTime: \(inTime)), all told \(ContinuousClock.now - cancelled)")
            #expect(inTime, "a worker cancelled with its coordinator \(fault) returns within \(Self.returnBound)")
        }
        try cluster.setBrokerUp(2)
        try cluster.setRoundTripTime(broker: 2, milliseconds: 0)

        // The next member of the group reads again what was not committed.
        let next = ArticleWorker(configuration: configuration(cluster: cluster, group: group, input: input, topics: topics), logger: logger)
        try await WorkerHarness.run(next, logger: logger) {
            try await WorkerHarness.committedToEnd(group: group, topic: input, cluster: cluster, logger: logger)
        }
        let expected = WorkerHarness.sources(of: first + second, topic: input)
        let read = try await WorkerHarness.read([normalised, topics.deadLetter], bootstrapServers: cluster.bootstrapServers, logger: logger) {
            expected.isSubset(of: Set($0.compactMap(WorkerHarness.source(of:))))
        }
        #expect(Set(read.compactMap(WorkerHarness.source(of:))) == expected, "every input has its output")
    }

    private func configuration(cluster: EmbeddedCluster, group: String, input: String, topics: OutputTopics) -> WorkerConfiguration {
        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: group, inputTopics: [input],
            processor: MessageProcessor(topics: topics, enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        )
        // The second inputs are processed after the coordinator fails, so
        // before the session times out with no heartbeat answered and the
        // partitions are lost: 6 s was too short for a loaded CI part 2
        // (seen: the second inputs not acknowledged 30 s on, the case failed).
        configuration.sessionTimeout = .seconds(20)
        // Long enough that only the cancel can end the final commit or the close in time.
        configuration.shutdownGrace = .seconds(600)
        configuration.stream.drainTimeout = .seconds(600)
        return configuration
    }

    private func send(_ messages: [KafkaProducerMessage], cluster: EmbeddedCluster) async throws {
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await producer.send(messages).delivered()
        await producer.close()
    }
}
