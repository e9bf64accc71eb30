import Foundation
import Testing
import TestSupport

/// Issue 15, row 3: `status` lists only the topics a group consumes (not
/// the output topics in the same cluster), its total is the sum of those
/// rows, and a group the brokers do not know is an error.
@Suite(.timeLimit(.minutes(5)))
struct StatusCommandTests {
    @Test func reportsOnlyTheTopicsTheGroupConsumes() async throws {
        try await CommandRunner.withBroker { address in
            try await StatusFixtures.publishExamplesAndReplay(address: address, group: "g1")

            let caughtUp = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1"])
            #expect(caughtUp.status == 0, "\(caughtUp.stderr)")
            #expect(caughtUp.stderr.isEmpty, "\(caughtUp.stderr)")
            let rows = Self.rows(caughtUp.stdout)
            #expect(Set(rows.map(\.topic)) == ["articles.raw"], "\(caughtUp.stdout)")
            #expect(rows.count == 4)
            #expect(caughtUp.stdout.contains("total lag 0"))

            let more = Repository.root.appendingPathComponent("Examples/en-wire-story.txt").path
            _ = try await CommandRunner.run(["publish", "--brokers", address, "--topic", "articles.raw", more, more, more])
            let behind = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1"])
            #expect(behind.status == 0, "\(behind.stderr)")
            let lag = Self.rows(behind.stdout).reduce(0) { $0 + $1.lag }
            #expect(lag == 3)
            #expect(behind.stdout.contains("total lag \(lag)"))
        }
    }

    /// The embedded cluster cannot describe groups, so a group without
    /// commits may be unknown or just new; the sentence says both.
    @Test func aGroupWithoutCommitsIsAnError() async throws {
        try await CommandRunner.withBroker { address in
            let run = try await CommandRunner.run(["status", "--brokers", address, "--group", "nobody"])
            #expect(run.status == 1)
            #expect(run.stdout.isEmpty)
            #expect(run.stderrLines == [
                "Error: group 'nobody' has no committed offsets: it does not exist or has not committed yet (these brokers cannot describe groups); check --group"
            ])
        }
    }

    private static func rows(_ table: String) -> [(topic: String, lag: Int)] {
        table.split(separator: "\n").dropFirst(2).compactMap { line in
            let cells = line.split(separator: " ")
            guard cells.count == 5, let lag = Int(cells[4]) else { return nil }
            return (String(cells[0]), lag)
        }
    }
}
