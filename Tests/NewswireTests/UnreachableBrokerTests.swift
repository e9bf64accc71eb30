import Foundation
import Testing
import TestSupport

/// Issue 15, "Done when" and row 1: against an address where nothing
/// listens, `run`, `publish` and `status` fail within their timeout with at
/// most two lines on stderr, none of them librdkafka's; `--verbose` shows
/// librdkafka's log, each failure once.
@Suite(.timeLimit(.minutes(3)))
struct UnreachableBrokerTests {
    static let nowhere = "127.0.0.1:1"

    /// Marks of a librdkafka line in our log: its facility, the error
    /// callback's prefix, its thread tag.
    static func isLibrdkafkaLine(_ line: Substring) -> Bool {
        line.contains("librdkafka.facility") || line.contains("Kafka error:") || line.contains("[thrd:")
    }

    @Test(arguments: [
        ["run", "--brokers", nowhere, "--stats-address", "off"],
        ["publish", "--brokers", nowhere, "--topic", "articles.raw", "Examples/en-wire-story.txt"],
        ["status", "--brokers", nowhere, "--timeout", "5"],
    ])
    func failsInOneSentenceWithoutLibrdkafkasLog(arguments: [String]) async throws {
        let run = try await CommandRunner.run(arguments, currentDirectory: Repository.root, deadline: .seconds(60))
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.timedOut)
        #expect(run.stderrLines.count <= 2, "\(run.stderr)")
        #expect(!run.stderrLines.contains(where: Self.isLibrdkafkaLine), "\(run.stderr)")
        #expect(run.stderrLines.last == "Error: nothing listens at \(Self.nowhere) (connection refused); check --brokers and that the broker is running")
    }

    @Test func verboseShowsLibrdkafkasLogWithEachFailureOnce() async throws {
        let run = try await CommandRunner.run(["status", "--brokers", Self.nowhere, "--timeout", "3", "--verbose"], deadline: .seconds(60))
        #expect(run.status == 1)
        #expect(run.stderrLines.contains(where: Self.isLibrdkafkaLine), "\(run.stderr)")
        // librdkafka reports the refused connection through its log and its
        // error callback, and again on every reconnect: shown once.
        #expect(run.stderrLines.filter { $0.contains("Connection refused") && !$0.hasPrefix("Error:") }.count == 1, "\(run.stderr)")
    }
}
