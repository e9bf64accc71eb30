import Foundation
import Testing
import TestSupport

/// `newswire status --json` and `--watch` on the embedded broker: the JSON
/// says what the table says and passes the group.status 1.0 schema strictly;
/// `--watch` reports again every interval (one JSON line each, or tables with
/// each partition's committed messages per second) and ends on SIGTERM with
/// exit 0; `--count` without `--watch` is refused in one sentence.
@Suite(.timeLimit(.minutes(4)))
struct StatusWatchTests {
    @Test func jsonAndWatchReportTheGroup() async throws {
        try await CommandRunner.withBroker { address in
            try await StatusFixtures.publishExamplesAndReplay(address: address, group: "g1")
            let more = Repository.root.appendingPathComponent("Examples/en-wire-story.txt").path
            _ = try await CommandRunner.run(["publish", "--brokers", address, "--topic", "articles.raw", more, more, more])

            let table = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1"])
            let json = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1", "--json"])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try Self.object(json.stdout)
            #expect(document["schema"] as? String == "group.status" && document["group"] as? String == "g1")
            #expect(document["state"] is NSNull, "the embedded cluster cannot describe groups")
            let partitions = try #require(document["partitions"] as? [[String: Any]])
            #expect(partitions.count == 4 && Set(partitions.compactMap { $0["topic"] as? String }) == ["articles.raw"])
            #expect(document["totalLag"] as? Int == 3)
            #expect(table.stdout.contains("total lag 3"), "\(table.stdout)")
            for partition in partitions {
                let committed = (partition["committed"] as? Int).map(String.init) ?? "-"
                let row = "\(partition["topic"] ?? "") \(partition["partition"] ?? "") \(committed) \(partition["end"] ?? "") \(partition["lag"] ?? "")"
                #expect(Self.squeezed(table.stdout).contains(row), "table row \(row) in \(table.stdout)")
            }
            let validator = Repository.root.appendingPathComponent("Scripts/validate-records.sh")
            let schema = Repository.root.appendingPathComponent("Schemas/group.status/1.0.json").path
            let python = ProcessInfo.processInfo.environment["NEWSWIRE_TEST_PYTHON"] ?? Repository.root.appendingPathComponent(".tools/venv/bin/python").path
            let valid = try await CommandRunner.run(
                [validator.path, "--strict", schema], executable: URL(fileURLWithPath: "/bin/bash"), stdin: Data(json.stdout.utf8),
                environment: ["NEWSWIRE_PYTHON": python]
            )
            #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")

            let watchedJSON = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1", "--watch", "--json", "--interval", "1", "--count", "2"])
            #expect(watchedJSON.status == 0, "\(watchedJSON.stderr)")
            let lines = watchedJSON.stdout.split(separator: "\n")
            #expect(lines.count == 2, "one document per report: \(watchedJSON.stdout)")
            for line in lines { #expect(try Self.object(String(line))["totalLag"] as? Int == 3) }

            let watchedTable = try await CommandRunner.run(["status", "--brokers", address, "--group", "g1", "--watch", "--interval", "1", "--count", "2"])
            #expect(watchedTable.status == 0, "\(watchedTable.stderr)")
            #expect(watchedTable.stdout.components(separatedBy: "total lag 3").count == 3, "two tables: \(watchedTable.stdout)")
            #expect(watchedTable.stdout.contains("msgs/s"), "\(watchedTable.stdout)")
            #expect(watchedTable.stdout.contains("\nat "), "each report starts with its time: \(watchedTable.stdout)")

            // Until SIGTERM (or Ctrl-C), then exit 0.
            let watcher = try BackgroundCommand(["status", "--brokers", address, "--group", "g1", "--watch", "--interval", "1"])
            #expect(await watcher.firstLine(within: .seconds(30)) != nil, "\(watcher.stderr)")
            #expect(await watcher.stop() == 0, "\(watcher.stderr)")
        }
    }

    @Test func countWithoutWatchIsRefused() async throws {
        let run = try await CommandRunner.run(["status", "--brokers", "127.0.0.1:9", "--count", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("--count only applies with --watch; add --watch or drop --count"), "\(run.stderr)")
    }

    private static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
    }

    /// The table with runs of spaces made one.
    private static func squeezed(_ text: String) -> String {
        text.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.joined(separator: "\n")
    }
}
