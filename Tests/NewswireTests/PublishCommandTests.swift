import Foundation
import Testing
import TestSupport

/// Issue 15, row 15: `publish … -` sends standard input, as `process -` reads it.
@Suite(.timeLimit(.minutes(3)))
struct PublishCommandTests {
    @Test func sendsStandardInput() async throws {
        try await CommandRunner.withBroker(topics: ["inbox"]) { address in
            let run = try await CommandRunner.run(["publish", "--brokers", address, "--topic", "inbox", "-"], stdin: Data("hi\n".utf8))
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stderrLines == ["newswire: published 1 of 1 message(s) to inbox"])
            let lines = try await CommandRunner.run(
                ["publish", "--brokers", address, "--topic", "inbox", "--lines", "-"], stdin: Data("{\"a\":1}\n\n{\"a\":2}\n".utf8)
            )
            #expect(lines.stderrLines == ["newswire: published 2 of 2 message(s) to inbox"])
        }
    }
}
