import Foundation
import Kafka
import Testing
import TestSupport

/// Issue 15, row 3 on the real broker (Tansu; `Scripts/test.sh` runs suites
/// named RealBroker… with `NEWSWIRE_TEST_BROKERS` on librdkafka 2.16), which
/// describes groups: `status` names the group's state, lists only the topic
/// it consumes, and calls a group the broker does not know "no such group".
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerStatusTests {
    private var brokers: String { ProcessInfo.processInfo.environment["NEWSWIRE_TEST_BROKERS"] ?? "" }

    @Test(.enabled(if: LibrdkafkaVersion.parsesTaggedFieldsCorrectly, "needs librdkafka ≥ 2.2 to read the broker's replies (make test runs RealBroker suites on .tools/rdkafka)"))
    func aGroupIsShownWithItsStateAndItsTopicOnly() async throws {
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let topic = "status-input-\(suffix)"
        let group = "status-group-\(suffix)"
        let examples = Repository.root.appendingPathComponent("Examples").path
        let publish = try await CommandRunner.run(["publish", "--brokers", brokers, "--topic", topic, examples])
        try #require(publish.status == 0, "\(publish.stderr)")
        // The replay consumes the topic in the group, commits, writes the output topics and leaves.
        let replay = try await CommandRunner.run(["replay", "--brokers", brokers, "--input-topic", topic, "--group", group])
        try #require(replay.status == 0, "\(replay.stderr)")

        let status = try await CommandRunner.run(["status", "--brokers", brokers, "--group", group])
        #expect(status.status == 0, "\(status.stderr)")
        let lines = status.stdout.split(separator: "\n")
        #expect(lines.first == "group \(group) (Empty, 0 member(s))", "\(status.stdout)")
        let topics = Set(lines.dropFirst(2).dropLast().compactMap { $0.split(separator: " ").first.map(String.init) })
        #expect(topics == [topic], "\(status.stdout)")
    }

    @Test(.enabled(if: LibrdkafkaVersion.parsesTaggedFieldsCorrectly, "needs librdkafka ≥ 2.2 to read the broker's replies (make test runs RealBroker suites on .tools/rdkafka)"))
    func aGroupTheBrokerDoesNotKnowIsNoSuchGroup() async throws {
        let group = "nobody-\(UUID().uuidString.prefix(8).lowercased())"
        let run = try await CommandRunner.run(["status", "--brokers", brokers, "--group", group])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["Error: no such group: the brokers know no consumer group '\(group)' (no members, no committed offsets); check --group"])
    }
}
