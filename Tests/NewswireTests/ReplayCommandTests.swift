import Foundation
import Testing
import TestSupport

/// `newswire replay` as a user runs it, on an embedded mock cluster
/// (Debian's librdkafka): the replay scenarios (`ReplayScenarios`, also run
/// on Tansu by `RealBrokerReplayTests`), and bad input that fails at once.
/// Issue 15, rows 13 and 14: an empty range is a usage error; re-driving
/// dead letters when there are none says so and succeeds.
@Suite(.timeLimit(.minutes(3)))
struct ReplayCommandTests {
    @Test func timeWindowReplayWritesExactlyTheWindow() async throws {
        try await ReplayScenarios.timeWindow(on: try ReplayBroker.embedded())
    }

    @Test func aKilledReplayRerunNeitherSkipsNorRepeatsMoreThanTheBound() async throws {
        try await ReplayScenarios.killAndRerun(on: try ReplayBroker.embedded())
    }

    @Test func sigtermFinishesCommitsAndTheRerunRepeatsNothing() async throws {
        try await ReplayScenarios.stopAndRerun(on: try ReplayBroker.embedded())
    }

    @Test func deadLettersAFixCanHandleAreRedriven() async throws {
        try await ReplayScenarios.deadLetterRedrive(on: try ReplayBroker.embedded())
    }

    // Two processes sharing a replay run on Tansu only (RealBrokerReplayTests):
    // when one member leaves, the mock cluster of Debian's librdkafka 2.0.2
    // refuses the other's commits with REBALANCE_IN_PROGRESS for seconds and
    // then drops it, so the repeats it counts measure the mock, not replay.

    @Test(arguments: [
        (["--from", "2026-13-45"], "Error: '2026-13-45' is not a replay bound; use beginning, end, an offset such as 1200, or an ISO 8601 time such as 2025-03-07T10:00:00Z"),
        (["--stages", "parse,index"], "Error: 'parse,index' is not a list of stages; use a comma-separated list of normalise, parse and enrich, e.g. --stages parse,enrich"),
        (["--topic-prefix", "back fill"], "Error: --topic-prefix 'back fill' cannot start a topic name; use letters, digits, '.', '_' or '-', e.g. --topic-prefix backfill"),
    ])
    func badArgumentsFailAtOnce(arguments: [String], sentence: String) async throws {
        let run = try await CommandRunner.run(["replay", "--brokers", "127.0.0.1:1"] + arguments)
        #expect(run.status == 64)
        #expect(run.stderrLines.first.map(String.init) == sentence, "\(run.stderr)")
    }

    @Test func anUnknownTopicFailsWithOneSentence() async throws {
        let broker = try ReplayBroker.embedded()
        let run = try await CommandRunner.run(["replay", "--brokers", broker.bootstrap, "--input-topic", "no.such.topic"])
        #expect(run.status == 1)
        #expect(run.stderrLines == ["Error: the cluster has no topic 'no.such.topic'; check --input-topic"], "\(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test(arguments: [
        (["--from", "20", "--until", "10"], "Error: --until 10 is not after --from 20, so the range is empty; give an --until offset above 20"),
        (["--from", "2025-03-08T00:00:00Z", "--until", "2025-03-07T00:00:00Z"],
         "Error: --until 2025-03-07T00:00:00Z is not after --from 2025-03-08T00:00:00Z, so the range is empty; give a later --until"),
        (["--from", "end"], "Error: --from end starts after every message, so the range is empty; give an earlier --from"),
    ])
    func anEmptyRangeIsAnError(bounds: [String], sentence: String) async throws {
        let run = try await CommandRunner.run(["replay", "--brokers", "127.0.0.1:1", "--dry-run"] + bounds)
        #expect(run.status == 64)
        #expect(run.stderrLines.first.map(String.init) == sentence, "\(run.stderr)")
        #expect(run.stderrLines.dropFirst().first?.hasPrefix("Usage: newswire replay ") == true)
    }

    @Test func noDeadLettersYetIsNotAFailure() async throws {
        try await CommandRunner.withBroker { address in
            let run = try await CommandRunner.run(["replay", "--brokers", address, "--dlq"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderr.isEmpty, "\(run.stderr)")
            #expect(run.stdout == "no dead letters yet: the cluster has no topic articles.dlq.v1, so there is nothing to re-drive\n")
        }
    }
}
