import Foundation
import Kafka
import Pipeline
import Testing
import TestSupport

/// The replay's promises, as scenarios any broker runs: the embedded mock
/// cluster (`ReplayCommandTests`) and Tansu (`RealBrokerReplayTests`). Each
/// runs `newswire replay` as a user does and checks what it wrote by reading
/// the topics back.
enum ReplayScenarios {
    /// `newswire replay` run to its end.
    static func replay(_ arguments: [String]) async throws -> CommandRunner.Run {
        try await CommandRunner.run(["replay"] + arguments, deadline: .seconds(120))
    }

    static let windowFrom = "2026-01-01T01:00:00Z"
    static let windowUntil = "2026-01-01T02:00:00Z"

    /// Inputs three minutes apart from midnight on three partitions; the hour
    /// from 01:00 holds articles 20..<40 of each. A dry run plans exactly
    /// those, the run writes exactly their parsed records and nothing to the
    /// other stages' topics, counts per partition equal the dry run's, a live
    /// group's offsets stay as they were, the live group itself is refused
    /// without --force, and a rerun has nothing left.
    static func timeWindow(on broker: ReplayBroker) async throws {
        let (prefix, input) = ReplayBroker.names()
        try await broker.createTopic(input, partitions: 3)
        try await broker.produceArticles(input, partitions: 3, perPartition: 60)
        let live = "\(prefix)-live"
        let liveOffsets: [Int32: Int64] = [0: 30, 1: 31, 2: 32]
        try await broker.commit(group: live, topic: input, offsets: liveOffsets)

        let arguments = [
            "--brokers", broker.bootstrap, "--input-topic", input, "--from", windowFrom, "--until", windowUntil,
            "--stages", "parse", "--topic-prefix", prefix,
        ]
        let expected: [Int32: Int64] = [0: 20, 1: 20, 2: 20]

        let dryRun = try await replay(arguments + ["--dry-run"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let plan = ReplayOutput(text: dryRun.stdout)
        #expect(try plan.planned() == expected, "\(dryRun.stdout)")
        #expect(try plan.ranges() == [0: 20..<40, 1: 20..<40, 2: 20..<40])
        #expect(try await broker.committed(group: "newswire-replay-\(input)", topic: input).isEmpty)

        let run = try await replay(arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let result = ReplayOutput(text: run.stdout)
        #expect(try result.planned() == expected, "\(run.stdout)")
        #expect(try result.committed() == expected, "\(run.stdout)")
        let progress = try result.progressLines()
        #expect(progress.count >= 2, "no JSON progress lines off a terminal: \(run.stdout)")
        #expect(progress.last?["done"] as? Int == 60)

        let parsed = try await broker.readAll("\(prefix).parsed.v1")
        let sources = parsed.compactMap { $0.header("newswire-source")?.stringValue }
        #expect(sources.count == parsed.count)
        let inWindow = (0..<3).flatMap { partition in (20..<40).map { "\(input)/\(partition)/\($0)" } }
        #expect(sources.sorted() == inWindow.sorted())
        for stage in ["normalised", "enriched", "dlq"] {
            #expect(try await broker.readAll("\(prefix).\(stage).v1").isEmpty, "records on \(prefix).\(stage).v1")
        }
        #expect(try await broker.committed(group: live, topic: input) == liveOffsets)

        let again = try await replay(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("nothing left"), "\(again.stdout)")

        let aimedAtLive = try await replay(arguments + ["--group", live])
        #expect(aimedAtLive.status != 0)
        #expect(aimedAtLive.stderr.contains("'\(live)' has committed offsets on \(input) and is not a replay group"), "\(aimedAtLive.stderr)")
        #expect(aimedAtLive.stdout.isEmpty)
        let forced = try await replay(arguments + ["--group", live, "--force", "--dry-run"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try await broker.committed(group: live, topic: input) == liveOffsets)
    }

    /// 600 articles on each of two partitions, replayed with at most 20 in
    /// flight and killed (SIGKILL) once some are committed; 50 more per
    /// partition arrive; the rerun continues from the group's offsets and
    /// stops at the end the first run fixed. Every input of the range has
    /// its record, none past the end, and no more than 3 × 20 are repeated.
    static func killAndRerun(on broker: ReplayBroker) async throws {
        let (prefix, input) = ReplayBroker.names()
        let perPartition = 600
        let bound = 20
        try await broker.createTopic(input, partitions: 2)
        try await broker.produceArticles(input, partitions: 2, perPartition: perPartition)
        let arguments = [
            "--brokers", broker.bootstrap, "--input-topic", input, "--topic-prefix", prefix, "--max-in-flight-messages", "\(bound)",
            "--kafka-property", "session.timeout.ms=6000",
        ]
        let first = try ReplayProcess(arguments)
        var group: String?
        try await eventually("the replay to print its group", within: .seconds(60)) {
            group = first.stdout.split(separator: "\n").first { $0.hasPrefix("  group: ") }.flatMap { $0.split(separator: " ").dropFirst().first }
                .map(String.init)
            return group != nil || first.status != nil
        }
        let name = try #require(group, "no group in: \(first.stdout) \(first.stderr)")
        try await eventually("some committed offsets", within: .seconds(90)) {
            let committed = try await broker.committed(group: name, topic: input).values.reduce(0, +)
            return committed >= 100 || first.status != nil
        }
        first.killNow()
        _ = await first.waitForExit(timeout: .seconds(30))
        let committedAtKill = try await broker.committed(group: name, topic: input).values.reduce(0, +)
        #expect(committedAtKill < Int64(2 * perPartition), "the replay finished before it was killed; nothing was tested")
        try await broker.produceArticles(input, partitions: 2, perPartition: 50, from: perPartition)

        let rerun = try await replay(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.contains("group: \(name) (continuing"), "\(rerun.stdout)")
        #expect(rerun.stdout.contains("end fixed by the first run"), "\(rerun.stdout)")

        let records = try await broker.readAll("\(prefix).normalised.v1")
        var seen: [String: Int] = [:]
        for record in records {
            seen[try #require(record.header("newswire-source")?.stringValue), default: 0] += 1
        }
        let wanted = Set((0..<2).flatMap { partition in (0..<perPartition).map { "\(input)/\(partition)/\($0)" } })
        #expect(Set(seen.keys) == wanted, "missing: \(wanted.subtracting(seen.keys).count), beyond the end: \(Set(seen.keys).subtracting(wanted).count)")
        let repeated = records.count - seen.count
        #expect(repeated <= 3 * bound, "\(repeated) inputs were written twice")
        print("replay kill test on \(broker.name): \(committedAtKill) committed at the kill, \(repeated) repeated after the rerun (bound \(3 * bound))")
    }

    /// Dead letters made by a real replay whose output side refused large
    /// records (message.max.bytes 1000), and one input that is not UTF-8.
    /// Before any exist, `--dlq` says so and succeeds; the re-drive (with the
    /// limit lifted: the fix) writes the records of the ten it can now
    /// handle and puts the bad one back with attempt 2.
    static func deadLetterRedrive(on broker: ReplayBroker) async throws {
        let (prefix, input) = ReplayBroker.names()
        let deadLetters = "\(prefix).dlq.v1"
        try await broker.createTopic(input, partitions: 2)
        try await broker.produceArticles(input, partitions: 2, perPartition: 5)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: broker.bootstrap), logger: TestLogger.quiet)
        let bad: [UInt8] = [0x41, 0xE9, 0x74, 0xE9, 0x0A]
        _ = try await producer.send(KafkaProducerMessage(topic: input, partition: 0, key: Array("bad".utf8), value: bad))
        await producer.close()

        let none = try await replay(["--brokers", broker.bootstrap, "--dlq", "--input-topic", deadLetters])
        #expect(none.status == 0, "\(none.stderr)")
        #expect(none.stdout.hasPrefix("no dead letters yet"), "\(none.stdout)")

        let refused = try await replay([
            "--brokers", broker.bootstrap, "--input-topic", input, "--topic-prefix", prefix, "--kafka-property", "message.max.bytes=1000",
        ])
        #expect(refused.status == 0, "\(refused.stderr)")
        let letters = try await broker.readAll(deadLetters)
        let reasons = letters.map { "\($0.header("newswire-dlq-stage")?.stringValue ?? "?")/\($0.header("newswire-dlq-code")?.stringValue ?? "?")" }
        #expect(reasons.sorted() == ["normalise/invalid-utf8"] + Array(repeating: "publish/record-too-large", count: 10), "\(reasons)")
        #expect(letters.allSatisfy { $0.header("newswire-dlq-attempt")?.stringValue == "1" })
        #expect(try await broker.readAll("\(prefix).enriched.v1").isEmpty)

        let redrive = try await replay(["--brokers", broker.bootstrap, "--dlq", "--input-topic", deadLetters, "--topic-prefix", prefix])
        #expect(redrive.status == 0, "\(redrive.stderr)")
        #expect(try ReplayOutput(text: redrive.stdout).committed().values.reduce(0, +) == 11, "\(redrive.stdout)")
        let enriched = try await broker.readAll("\(prefix).enriched.v1")
        #expect(Set(enriched.compactMap(\.key).map { String(decoding: $0, as: UTF8.self) }).count == 10)
        let after = try await broker.readAll(deadLetters)
        #expect(after.count == letters.count + 1)
        let again = after.filter { $0.header("newswire-dlq-attempt")?.stringValue == "2" }
        #expect(again.count == 1)
        #expect(again.first?.value == bad)
        #expect(again.first?.header("newswire-dlq-code")?.stringValue == "invalid-utf8")
    }

    /// Two processes started with the same arguments share the four
    /// partitions through the replay group: each replays some, and together
    /// every input of the range, within the in-flight bound of repeats.
    static func twoProcessesShare(on broker: ReplayBroker) async throws {
        let (prefix, input) = ReplayBroker.names()
        let perPartition = 150
        let bound = 20
        try await broker.createTopic(input, partitions: 4)
        try await broker.produceArticles(input, partitions: 4, perPartition: perPartition)
        let arguments = [
            "--brokers", broker.bootstrap, "--input-topic", input, "--topic-prefix", prefix, "--stages", "normalise,enrich",
            "--max-in-flight-messages", "\(bound)", "--kafka-property", "session.timeout.ms=6000",
        ]
        let processes = [try ReplayProcess(arguments), try ReplayProcess(arguments)]
        var replayed: [Int] = []
        for process in processes {
            #expect(await process.waitForExit(timeout: .seconds(120)) == 0, "\(process.stderr)")
            let line = process.stdout.split(separator: "\n").first { $0.hasPrefix("replayed ") }
            replayed.append(line.flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Int($0) } ?? 0)
        }
        #expect(replayed.allSatisfy { $0 > 0 }, "each process's share: \(replayed)")
        let records = try await broker.readAll("\(prefix).normalised.v1")
        let sources = Set(records.compactMap { $0.header("newswire-source")?.stringValue })
        #expect(sources.count == 4 * perPartition)
        #expect(records.count - sources.count <= 2 * 3 * bound)
        #expect(try await broker.readAll("\(prefix).parsed.v1").isEmpty)
        print("replay shared on \(broker.name): \(replayed) messages per process, \(records.count - sources.count) repeated")
    }

    /// SIGTERM mid-run: the replay finishes what it has in flight, commits,
    /// says it stopped early and exits 0; the rerun replays the rest, and
    /// since everything written before was committed, nothing twice.
    static func stopAndRerun(on broker: ReplayBroker) async throws {
        let (prefix, input) = ReplayBroker.names()
        let perPartition = 400
        try await broker.createTopic(input, partitions: 2)
        try await broker.produceArticles(input, partitions: 2, perPartition: perPartition)
        let arguments = [
            "--brokers", broker.bootstrap, "--input-topic", input, "--topic-prefix", prefix, "--max-in-flight-messages", "20",
            "--kafka-property", "session.timeout.ms=6000", "--group", "\(ReplayGroup.prefix)\(prefix)",
        ]
        let first = try ReplayProcess(arguments)
        try await eventually("some committed offsets", within: .seconds(90)) {
            let committed = try await broker.committed(group: "\(ReplayGroup.prefix)\(prefix)", topic: input).values.reduce(0, +)
            return committed >= 60 || first.status != nil
        }
        first.terminate()
        #expect(await first.waitForExit(timeout: .seconds(60)) == 0, "\(first.stderr)")
        #expect(first.stdout.contains("stopped before the end of the range"), "\(first.stdout)")
        let stopped = try ReplayOutput(text: first.stdout).committed().values.reduce(0, +)
        #expect(stopped > 0 && stopped < Int64(2 * perPartition))

        let rerun = try await replay(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try ReplayOutput(text: rerun.stdout).committed().values.reduce(0, +) == Int64(2 * perPartition) - stopped)
        let records = try await broker.readAll("\(prefix).normalised.v1")
        let sources = records.compactMap { $0.header("newswire-source")?.stringValue }
        #expect(Set(sources).count == 2 * perPartition)
        #expect(sources.count == 2 * perPartition, "\(sources.count - Set(sources).count) repeated after a graceful stop")
    }
}
