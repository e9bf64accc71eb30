import Dispatch
import Kafka
import Logging
import Pipeline
import Testing
import TestSupport

/// A cancelled worker returns even while its work can never be acknowledged
/// (the output broker is down, the drain timeout and the grace are long):
/// every wait of the stream core ends on cancellation, so a test's
/// `.timeLimit` fails the test instead of leaving it hanging.
///
/// The test cancels only once records wait in the producer's queue: the
/// worker then used to block in the producer's final flush for a quarter of
/// the grace (150 s here), which was only reached when the stages had
/// finished before the cancel (under load, as in CI).
@Suite(.timeLimit(.minutes(2)))
struct MockClusterWorkerCancellationTests {
    let logger = {
        var logger = Logger(label: "test.worker-cancel")
        logger.logLevel = .critical
        return logger
    }()

    @Test func aWorkerCancelledWithUnacknowledgedWorkReturns() async throws {
        let cluster = try EmbeddedCluster(brokers: 2, logger: logger)
        let topics = OutputTopics(prefix: "c\(UInt32.random(in: 0...UInt32.max))")
        let input = "\(topics.prefix).raw"
        try cluster.createTopic(input, partitions: 2)
        let version = RecordEncoding.latest(.enriched, major: 1)!
        for name in [try topics.topic(for: .normalised, major: 1), try topics.topic(for: .parsed, major: 1),
                     try topics.topic(for: .enriched, version: version), topics.deadLetter] {
            try cluster.createTopic(name, partitions: 2)
            for partition in 0..<2 { try cluster.setPartitionLeader(topic: name, partition: Int32(partition), broker: 2) }
        }
        for partition in 0..<2 { try cluster.setPartitionLeader(topic: input, partition: Int32(partition), broker: 1) }
        let group = "g\(UInt32.random(in: 0...UInt32.max))"
        try cluster.setGroupCoordinator(group: group, broker: 1)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await producer.send(WorkerHarness.articles(topic: input, count: 20, partitions: 2)).delivered()
        await producer.close()
        try cluster.setBrokerDown(2)

        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: group, inputTopics: [input],
            processor: MessageProcessor(topics: topics, enrichedVersion: version)
        )
        configuration.sessionTimeout = .seconds(6)
        configuration.shutdownGrace = .seconds(600)
        configuration.stream.drainTimeout = .seconds(600)
        // A producer queue this small fills at once: the publisher waits for room that never comes.
        configuration.kafkaProperties = ["queue.buffering.max.messages": "4"]
        let worker = ArticleWorker(configuration: configuration, logger: logger)
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
            try await eventually("the worker to take inputs") { worker.counters.current.consumed >= 20 }
            try await eventually("the stages to hand every input to the publisher") {
                try worker.statsDocument().stages.publish.in >= 20
            }
            try await eventually("records in the producer's queue") {
                (try worker.statsDocument().producer.queuedMessages ?? 0) > 0
            }
            tasks.cancelAll()
            // The bound only has to rule out the 600 s drain timeout and grace and the 150 s
            // final flush: the worker returns in about 0.1 s (one flush slice), also under load.
            let inTime = await returned.signalled(within: .seconds(45))
            // Lets a wait that ignored the cancel end, so a failure fails instead of hanging.
            if !inTime { try cluster.setBrokerUp(2) }
            #expect(inTime, "a cancelled worker returns without waiting for its drain timeout or grace")
            try await tasks.waitForAll()
        }
        #expect(worker.counters.current.committed == 0, "nothing unacknowledged was committed")
    }
}
