import ArticleText
import Foundation
import Kafka
import Logging
import Pipeline
import Testing
import TestSupport

/// The worker against broker faults on the embedded (mock) cluster: failed
/// produce requests and an output broker outage long enough for deliveries
/// to time out, a record over `message.max.bytes`, and rejected offset
/// commits. In each the worker keeps running, every input ends as its
/// normalised record or a dead letter, and the group commits to the end.
@Suite(.timeLimit(.minutes(3)))
struct MockClusterWorkerFaultTests {
    let logger = {
        var logger = Logger(label: "test.worker-faults")
        logger.logLevel = .critical
        return logger
    }()

    private struct Setup {
        var cluster: EmbeddedCluster
        var topics: OutputTopics
        var input: String
        var group: String
        var normalised: String
    }

    /// One input topic led by broker 1, output topics led by broker 2 (so
    /// the output side can fail alone), the group coordinated by broker 1.
    private func setUp(partitions: Int = 3) throws -> Setup {
        let cluster = try EmbeddedCluster(brokers: 2, logger: logger)
        let topics = OutputTopics(prefix: "f\(UInt32.random(in: 0...UInt32.max))")
        let input = "\(topics.prefix).raw"
        try cluster.createTopic(input, partitions: partitions)
        for partition in 0..<partitions {
            try cluster.setPartitionLeader(topic: input, partition: Int32(partition), broker: 1)
        }
        let version = RecordEncoding.latest(.enriched, major: 1)!
        for name in [try topics.topic(for: .normalised, major: 1), try topics.topic(for: .parsed, major: 1),
                     try topics.topic(for: .enriched, version: version), topics.deadLetter] {
            try cluster.createTopic(name, partitions: partitions)
            for partition in 0..<partitions {
                try cluster.setPartitionLeader(topic: name, partition: Int32(partition), broker: 2)
            }
        }
        let group = "g\(UInt32.random(in: 0...UInt32.max))"
        try cluster.setGroupCoordinator(group: group, broker: 1)
        return Setup(cluster: cluster, topics: topics, input: input, group: group, normalised: try topics.topic(for: .normalised, major: 1))
    }

    private func worker(_ setup: Setup, properties: [String: String] = [:]) -> ArticleWorker {
        var configuration = WorkerConfiguration(
            bootstrapServers: setup.cluster.bootstrapServers, group: setup.group, inputTopics: [setup.input],
            processor: MessageProcessor(topics: setup.topics, enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        )
        configuration.sessionTimeout = .seconds(6)
        configuration.kafkaProperties = properties
        return ArticleWorker(configuration: configuration, logger: logger)
    }

    private func send(_ messages: [KafkaProducerMessage], to setup: Setup) async throws {
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: setup.cluster.bootstrapServers), logger: logger)
        try await producer.send(messages).delivered()
        await producer.close()
    }

    /// Normalised records and dead letters read back until every one of `expected` sources is there.
    private func outputs(_ setup: Setup, covering expected: Set<String>) async throws -> [KafkaMessage] {
        try await WorkerHarness.read([setup.normalised, setup.topics.deadLetter], bootstrapServers: setup.cluster.bootstrapServers, logger: logger) {
            expected.isSubset(of: Set($0.compactMap(WorkerHarness.source(of:))))
        }
    }

    @Test func produceErrorsAndAnOutputOutageLoseNothing() async throws {
        let setup = try setUp()
        let first = WorkerHarness.articles(topic: setup.input, count: 150, partitions: 3)
        let second = WorkerHarness.articles(topic: setup.input, count: 150, partitions: 3, from: 150)
        try await send(first, to: setup)
        setup.cluster.pushRequestErrors(.produce, [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas, .leaderNotAvailable])
        // Deliveries time out after 1.5 s while the output broker is down for 4 s.
        let worker = worker(setup, properties: ["message.timeout.ms": "1500"])
        func outage() async throws {
            await worker.counters.waitUntilCommitted(30)
            try setup.cluster.setBrokerDown(2)
            try await send(second, to: setup)
            try await Task.sleep(for: .seconds(4))
            try setup.cluster.setBrokerUp(2)
        }
        async let outageDone: Void = outage()
        try await WorkerHarness.run(worker, logger: logger) {
            try await WorkerHarness.committedToEnd(group: setup.group, topic: setup.input, cluster: setup.cluster, logger: logger)
                && worker.counters.current.committed >= 300
        }
        try await outageDone
        let expected = WorkerHarness.sources(of: first + second, topic: setup.input)
        let read = try await outputs(setup, covering: expected)
        #expect(Set(read.compactMap(WorkerHarness.source(of:))) == expected)
        #expect(!read.contains { $0.topic == setup.topics.deadLetter }, "a transient failure is never dead-lettered")
        #expect(worker.counters.current.retried > 0, "deliveries timed out during the outage and were sent again")
    }

    @Test func aRecordOverMessageMaxBytesBecomesAPublishDeadLetter() async throws {
        let setup = try setUp(partitions: 1)
        let before = WorkerHarness.articles(topic: setup.input, count: 5, partitions: 1)
        let sentence = "The minister said the new coastal road between the two cities would open in March after three years of work. "
        let large = KafkaProducerMessage(
            topic: setup.input, partition: 0, key: Array("large".utf8),
            value: Array(("Coastal road opens\n\n" + String(repeating: sentence, count: 300)).utf8)
        )
        let binary = KafkaProducerMessage(topic: setup.input, partition: 0, key: Array("binary".utf8), value: (0..<90_000).map { UInt8($0 % 7) })
        let after = WorkerHarness.articles(topic: setup.input, count: 5, partitions: 1, from: 5)
        let inputs = before + [large, binary] + after
        try await send(inputs, to: setup)

        let worker = worker(setup, properties: ["message.max.bytes": "60000"])
        try await WorkerHarness.run(worker, logger: logger) {
            try await WorkerHarness.committedToEnd(group: setup.group, topic: setup.input, cluster: setup.cluster, logger: logger)
        }
        let expected = WorkerHarness.sources(of: inputs, topic: setup.input)
        let read = try await outputs(setup, covering: expected)
        let letters = Dictionary(grouping: read.filter { $0.topic == setup.topics.deadLetter }) { $0.key ?? [] }

        let tooLarge = try #require(letters[Array("large".utf8)]?.first)
        #expect(tooLarge.header(HeaderName.deadLetterStage)?.stringValue == "publish")
        #expect(tooLarge.header(HeaderName.deadLetterCode)?.stringValue == "record-too-large")
        #expect(tooLarge.value == large.value, "the input's bytes, unchanged")
        let largeSource = WorkerHarness.source(of: tooLarge)
        #expect(!read.contains { $0.topic == setup.normalised && WorkerHarness.source(of: $0) == largeSource }, "no output of it was sent")

        let truncated = try #require(letters[Array("binary".utf8)]?.first)
        #expect(truncated.header(HeaderName.deadLetterCode)?.stringValue == "binary-input")
        #expect(truncated.header(HeaderName.deadLetterTruncated)?.stringValue == "true")
        #expect(truncated.header(HeaderName.deadLetterOriginalSize)?.stringValue == "90000")
        #expect(truncated.header(HeaderName.deadLetterSHA256)?.stringValue == SHA256.hex(SHA256.digest(binary.value ?? [])))
        #expect(truncated.header(HeaderName.schemaVersion)?.stringValue == "1.1")
        #expect(truncated.value.count < 60000 && truncated.value == Array((binary.value ?? []).prefix(truncated.value.count)))
        #expect(worker.counters.current.deadLettersByReason == ["publish/record-too-large": 1, "normalise/binary-input": 1])
        // Its normalised text alone was over the limit, so parse and enrich never ran on it.
        let stages = try worker.statsDocument().stages
        #expect(stages.parse.in == before.count + after.count && stages.enrich.in == before.count + after.count, "\(stages.parse.in)")
    }

    @Test func rejectedCommitsNeitherStopTheWorkerNorLoseInput() async throws {
        let setup = try setUp()
        let first = WorkerHarness.articles(topic: setup.input, count: 150, partitions: 3)
        let second = WorkerHarness.articles(topic: setup.input, count: 150, partitions: 3, from: 150)
        try await send(first, to: setup)
        let worker = worker(setup)
        func faults() async throws {
            await worker.counters.waitUntilCommitted(30)
            setup.cluster.pushRequestErrors(
                .offsetCommit, [.rebalanceInProgress, .coordinatorLoadInProgress, .illegalGeneration, .rebalanceInProgress, .unknownMemberID]
            )
            try await send(second, to: setup)
        }
        async let faultsDone: Void = faults()
        try await WorkerHarness.run(worker, logger: logger, timeout: .seconds(120)) {
            try await WorkerHarness.committedToEnd(group: setup.group, topic: setup.input, cluster: setup.cluster, logger: logger)
                && worker.counters.current.consumed >= 300
        }
        try await faultsDone
        let expected = WorkerHarness.sources(of: first + second, topic: setup.input)
        let read = try await outputs(setup, covering: expected)
        let positions = read.compactMap(WorkerHarness.source(of:))
        #expect(Set(positions) == expected)
        #expect(worker.counters.current.commitsRefused >= 3)
        print("commit faults: \(positions.count - Set(positions).count) duplicate output(s) of \(expected.count) inputs")
    }
}
