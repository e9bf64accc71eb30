import Foundation
import Kafka
import Logging
import Synchronization
import Testing
import TestSupport

/// `newswire run` processes in one consumer group on a real broker (Tansu,
/// librdkafka 2.16 via Scripts/test.sh): scaling out and in mid-stream, a
/// SIGKILL and a restart, a SIGTERM under load. Every input offset must get
/// its normalised record or a dead letter, each output partition must show
/// every input partition's messages in input order, and duplicates are
/// counted and printed (at-least-once allows them, except after a graceful stop).
@Suite(.serialized, .timeLimit(.minutes(4)), .needsRealBroker)
struct RealBrokerWorkerTests {
    let logger = TestLogger.quiet

    @Test func scaleOutAndInMidStreamLosesNothingAndKeepsOrder() async throws {
        let brokers = try #require(TestBroker.address)
        let topic = try await TansuWorkers.createTopic(partitions: 6)
        let group = "g-scale-\(UUID().uuidString.prefix(8))"
        let inputs = TansuWorkers.inputs(topic: topic, count: 5000, partitions: 6)
        let ledger = try OutputLedger(bootstrapServers: brokers, inputTopic: topic, logger: logger)
        try await TansuWorkers.run(ledger: ledger) { workers in
            let first = try TansuWorkers.worker("a", brokers: brokers, group: group, topic: topic, in: workers)
            let second = try TansuWorkers.worker("b", brokers: brokers, group: group, topic: topic, in: workers)
            let producer = try TansuWorkers.producer(brokers)
            // 5,000 inputs in slices of 100, two slices a second. The third
            // member joins once 1,000 are done; the first leaves (SIGTERM, as a
            // scale-in does) once the third shares the work and 2,500 are done,
            // while inputs keep coming.
            var third: WorkerProcess?
            var joinedAt = 0
            var leftAt = 0
            var thirdShared = false
            for start in stride(from: 0, to: inputs.count, by: 100) {
                try await producer.send(Array(inputs[start..<min(start + 100, inputs.count)])).delivered()
                if start == 0 {
                    try await eventually("the first outputs", within: .seconds(60)) { !ledger.covered.isEmpty }
                }
                let covered = ledger.covered.count
                if third == nil && covered >= 1000 {
                    third = try TansuWorkers.worker("c", brokers: brokers, group: group, topic: topic, in: workers)
                    joinedAt = covered
                }
                if let third, !thirdShared, let url = third.printedStatsURL {
                    thirdShared = !((try await third.stats(url))["partitions"] as? [Any] ?? []).isEmpty
                }
                if leftAt == 0 && thirdShared && covered >= 2500 {
                    first.terminate()
                    leftAt = covered
                }
                try await Task.sleep(for: .milliseconds(500))
            }
            await producer.close()
            let remaining = [second, try #require(third)]
            #expect(leftAt > 0 && leftAt < inputs.count, "the first member left mid-stream")
            #expect(await first.waitForExit(timeout: .seconds(30)) == 0, "the leaving member exits 0: \(first.log)")
            do {
                try await eventually("every input covered", within: .seconds(90)) { ledger.covered.count >= inputs.count }
            } catch {
                let missing = TansuWorkers.positions(inputs).subtracting(ledger.covered)
                let byPartition = Dictionary(grouping: missing) { $0[0] }.mapValues { ($0.map { $0[1] }.min() ?? 0, $0.count) }
                let states = try await remaining.asyncMap { worker in
                    "\(worker.name): \((try await worker.stats(try await worker.statsURL()))["partitions"] ?? "?")"
                }
                Issue.record("missing (partition: (first offset, count)): \(byPartition); \(states)\n\(remaining.map { $0.log.suffix(3000) })")
                throw error
            }
            var shares: [Int] = []
            try await eventually("the two remaining members to own all six partitions", within: .seconds(60)) {
                shares = try await remaining.asyncMap { (try await $0.stats(try await $0.statsURL()))["partitions"] as? [Any] ?? [] }.map(\.count)
                return shares.reduce(0, +) == 6
            }
            for worker in remaining { worker.terminate() }
            for worker in remaining {
                #expect(await worker.waitForExit(timeout: .seconds(30)) == 0, "\(worker.log)")
            }
            print("scale out/in: \(inputs.count) inputs, \(ledger.all.count) outputs, \(ledger.duplicates) duplicate(s); third joined at \(joinedAt) done, first left at \(leftAt) done; partitions then \(shares)")
            #expect(ledger.covered == TansuWorkers.positions(inputs))
            #expect(ledger.orderViolations.isEmpty, "\(ledger.orderViolations.prefix(5))")
        }
    }

    @Test func aKilledWorkerLosesNothingAfterARestart() async throws {
        let brokers = try #require(TestBroker.address)
        let topic = try await TansuWorkers.createTopic(partitions: 3)
        let group = "g-kill-\(UUID().uuidString.prefix(8))"
        let inputs = TansuWorkers.inputs(topic: topic, count: 2000, partitions: 3)
        let producer = try TansuWorkers.producer(brokers)
        try await producer.send(inputs).delivered()
        await producer.close()
        let ledger = try OutputLedger(bootstrapServers: brokers, inputTopic: topic, logger: logger)
        try await TansuWorkers.run(ledger: ledger) { workers in
            let victim = try TansuWorkers.worker("victim", brokers: brokers, group: group, topic: topic, in: workers)
            try await eventually("the first outputs", within: .seconds(60)) { ledger.covered.count >= 300 }
            victim.killNow()
            _ = await victim.waitForExit(timeout: .seconds(10))
            let coveredAtKill = ledger.covered.count
            let successor = try TansuWorkers.worker("successor", brokers: brokers, group: group, topic: topic, in: workers)
            try await TansuWorkers.coverAndStop([successor], ledger: ledger, inputs: inputs)
            print("SIGKILL: \(coveredAtKill) of \(inputs.count) inputs covered at the kill; \(ledger.duplicates) duplicate(s) after the restart")
            #expect(ledger.orderViolations.isEmpty, "\(ledger.orderViolations.prefix(5))")
        }
    }

    /// Static membership on Tansu: a member killed and restarted with the same
    /// `--instance-id` within `session.timeout.ms` gets its partitions back at
    /// once, and the other member sees no rebalance. (Without an instance id
    /// the same restart revokes partitions from the other member and the new
    /// one waits for the old one's session to expire: checked by hand,
    /// 2026-12-02.)
    @Test func aStaticMemberRestartedInTimeGetsItsPartitionsBackWithoutARebalance() async throws {
        let brokers = try #require(TestBroker.address)
        let topic = try await TansuWorkers.createTopic(partitions: 6)
        let group = "g-static-\(UUID().uuidString.prefix(8))"
        let workers = WorkerSet()
        defer { workers.killAll() }
        func member(_ id: String) throws -> WorkerProcess {
            try TansuWorkers.worker(
                id, brokers: brokers, group: group, topic: topic, sessionTimeout: "30000", arguments: ["--instance-id", id], in: workers
            )
        }
        let first = try member("static-a")
        let other = try member("static-b")
        var before: (first: [Int], other: [Int], otherRebalances: Int) = ([], [], 0)
        try await eventually("both members to own three partitions each", within: .seconds(90), every: .milliseconds(500)) {
            let (a, b) = (try await TansuWorkers.assignment(first), try await TansuWorkers.assignment(other))
            before = (a.partitions, b.partitions, b.rebalances)
            return a.partitions.count == 3 && b.partitions.count == 3
        }
        first.killNow()
        _ = await first.waitForExit(timeout: .seconds(10))
        let clock = ContinuousClock()
        let restartedAt = clock.now
        let restarted = try member("static-a")
        var back: [Int] = []
        try await eventually("the restarted member to own partitions", within: .seconds(28), every: .milliseconds(200)) {
            back = try await TansuWorkers.assignment(restarted).partitions
            return !back.isEmpty
        }
        let after = try await TansuWorkers.assignment(other)
        print("static membership: partitions back after \(clock.now - restartedAt) (session timeout 30 s); other member's rebalances \(before.otherRebalances) -> \(after.rebalances)")
        #expect(back == before.first, "the restarted member gets its own partitions back")
        #expect(after.partitions == before.other, "the other member keeps its partitions")
        #expect(after.rebalances == before.otherRebalances, "the other member saw no rebalance: \(other.log.suffix(2000))")
        restarted.terminate()
        other.terminate()
        #expect(await restarted.waitForExit(timeout: .seconds(30)) == 0)
        #expect(await other.waitForExit(timeout: .seconds(30)) == 0)
    }

    @Test func aTerminatedWorkerExitsCleanlyAndItsSuccessorRepeatsNothing() async throws {
        let brokers = try #require(TestBroker.address)
        let topic = try await TansuWorkers.createTopic(partitions: 3)
        let group = "g-term-\(UUID().uuidString.prefix(8))"
        let inputs = TansuWorkers.inputs(topic: topic, count: 3000, partitions: 3)
        let ledger = try OutputLedger(bootstrapServers: brokers, inputTopic: topic, logger: logger)
        try await TansuWorkers.run(ledger: ledger) { workers in
            let worker = try TansuWorkers.worker("first", brokers: brokers, group: group, topic: topic, grace: "15s", in: workers)
            let producer = try TansuWorkers.producer(brokers)
            var stopped: (status: Int32?, seconds: Double)?
            for start in stride(from: 0, to: inputs.count, by: 100) {
                try await producer.send(Array(inputs[start..<min(start + 100, inputs.count)])).delivered()
                if start == 0 {
                    try await eventually("the first outputs", within: .seconds(60)) { !ledger.covered.isEmpty }
                }
                if stopped == nil && ledger.covered.count >= 1000 {
                    // Under load: inputs keep arriving while it shuts down.
                    let clock = ContinuousClock()
                    let began = clock.now
                    worker.terminate()
                    let status = await worker.waitForExit(timeout: .seconds(20))
                    let elapsed = (clock.now - began).components
                    stopped = (status, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            await producer.close()
            let stop = try #require(stopped, "the worker was stopped under load")
            #expect(stop.status == 0, "\(worker.log)")
            #expect(stop.seconds < 15, "exit within the 15 s grace")
            // Everything the first worker wrote is committed, so its successor
            // starts after it: a repeat would show as a duplicate.
            let byFirst = ledger.covered.count
            let successor = try TansuWorkers.worker("successor", brokers: brokers, group: group, topic: topic, in: workers)
            try await TansuWorkers.coverAndStop([successor], ledger: ledger, inputs: inputs)
            print("SIGTERM: exit \(stop.status.map(String.init) ?? "none") after \(String(format: "%.1f", stop.seconds)) s with \(byFirst) inputs done; \(ledger.duplicates) duplicate(s) after the restart")
            #expect(ledger.duplicates == 0, "the restart reprocessed nothing")
        }
    }
}

/// The real broker of the test run, and what the worker tests put on it.
enum TansuWorkers {
    /// Runs `scenario` while `ledger` reads; whatever happens, the ledger is
    /// closed and every worker the scenario started is stopped (SIGKILL if
    /// still running), so a failed test leaves no process behind.
    static func run(ledger: OutputLedger, _ scenario: @escaping @Sendable (WorkerSet) async throws -> Void) async throws {
        let workers = WorkerSet()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await ledger.run() }
            do {
                try await scenario(workers)
            } catch {
                workers.killAll()
                await ledger.close()
                throw error
            }
            workers.killAll()
            await ledger.close()
            try await tasks.waitForAll()
        }
    }

    static func createTopic(partitions: Int) async throws -> String {
        let name = "w-\(UUID().uuidString.prefix(8).lowercased()).raw"
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestLogger.quiet)
        do {
            try await admin.createTopic(KafkaNewTopic(name: name, partitions: partitions))
            for output in ["articles.normalised.v1", "articles.parsed.v1", "articles.enriched.v1", "articles.dlq.v1"] {
                try await admin.createTopic(KafkaNewTopic(name: output, partitions: 6), ignoreExisting: true)
            }
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
        return name
    }

    /// Small articles, fast to process, with one input in 500 not UTF-8 and
    /// one in 500 a tombstone (null value): both become dead letters.
    static func inputs(topic: String, count: Int, partitions: Int) -> [KafkaProducerMessage] {
        (0..<count).map { index in
            let partition = Int32(index % partitions)
            if index % 500 == 499 { return KafkaProducerMessage(topic: topic, partition: partition, key: Array("n\(index)".utf8), value: nil) }
            if index % 500 == 250 { return KafkaProducerMessage(topic: topic, partition: partition, key: Array("b\(index)".utf8), value: [0x41, 0xE9, 0x74, 0xE9]) }
            let body = "Council approves budget \(index)\n\nThe city council approved budget number \(index) on Monday after a debate about roads and schools.\n"
            return KafkaProducerMessage(topic: topic, partition: partition, key: Array("a\(index)".utf8), value: Array(body.utf8))
        }
    }

    /// The (partition, offset) each input gets on a fresh topic.
    static func positions(_ inputs: [KafkaProducerMessage]) -> Set<[Int64]> {
        var next: [Int32: Int64] = [:]
        var result = Set<[Int64]>()
        for input in inputs {
            let partition = input.partition ?? 0
            result.insert([Int64(partition), next[partition, default: 0]])
            next[partition, default: 0] += 1
        }
        return result
    }

    /// Waits until every input has an output, stops `workers` with SIGTERM
    /// (each must exit 0) and checks that the outputs cover exactly the inputs.
    static func coverAndStop(_ workers: [WorkerProcess], ledger: OutputLedger, inputs: [KafkaProducerMessage]) async throws {
        try await eventually("every input covered", within: .seconds(120)) { ledger.covered.count >= inputs.count }
        for worker in workers { worker.terminate() }
        for worker in workers {
            #expect(await worker.waitForExit(timeout: .seconds(30)) == 0, "\(worker.log)")
        }
        #expect(ledger.covered == positions(inputs))
    }

    static func producer(_ brokers: String) throws -> KafkaProducer {
        try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: brokers), logger: TestLogger.quiet)
    }

    static func worker(
        _ name: String, brokers: String, group: String, topic: String, grace: String = "20s", sessionTimeout: String = "6000",
        arguments extra: [String] = [], in workers: WorkerSet
    ) throws -> WorkerProcess {
        workers.add(try WorkerProcess(name: name, arguments: [
            "--brokers", brokers, "--group", group, "--input-topic", topic,
            "--kafka-property", "session.timeout.ms=\(sessionTimeout)", "--shutdown-grace", grace, "--drain-timeout", "5s",
        ] + extra))
    }

    /// The partitions a worker owns and the rebalances it has seen, from `/stats`.
    static func assignment(_ worker: WorkerProcess) async throws -> (partitions: [Int], rebalances: Int) {
        let stats = try await worker.stats(try await worker.statsURL())
        let partitions = (stats["partitions"] as? [[String: Any]] ?? []).compactMap { $0["partition"] as? Int }
        return (partitions.sorted(), stats["rebalances"] as? Int ?? -1)
    }
}

extension Array {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}

/// The worker processes a test started, to stop them all at the end.
final class WorkerSet: Sendable {
    private let workers = Mutex<[WorkerProcess]>([])

    func add(_ worker: WorkerProcess) -> WorkerProcess {
        workers.withLock { $0.append(worker) }
        return worker
    }

    func killAll() {
        for worker in workers.withLock({ $0 }) where worker.isRunning { worker.killNow() }
    }
}
