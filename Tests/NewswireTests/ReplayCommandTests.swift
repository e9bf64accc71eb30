import Foundation
import Testing
import TestSupport

/// Issue 15, rows 13 and 14: an empty range is a usage error; re-driving
/// dead letters when there are none says so and succeeds.
@Suite(.timeLimit(.minutes(3)))
struct ReplayCommandTests {
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
