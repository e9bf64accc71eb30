import Foundation
import Kafka
import Testing

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
}
