import Foundation
import Kafka
import Testing
import TestSupport

/// Issue 15, row 2, on the real broker with the system's old librdkafka (part 2 of make test runs
/// with Debian's 2.0.2 and `NEWSWIRE_TEST_BROKERS` set): the library's age is
/// named, in the one sentence, only because this broker's reply cannot be read.
@Suite(.needsRealBroker, .timeLimit(.minutes(2)))
struct OldLibraryTests {
    @Test(.enabled(if: !LibrdkafkaVersion.parsesTaggedFieldsCorrectly, "needs a librdkafka older than 2.2 (make test runs this in part 2, on Debian's 2.0.2)"))
    func anUnreadableReplyNamesTheFix() async throws {
        let brokers = ProcessInfo.processInfo.environment["NEWSWIRE_TEST_BROKERS"] ?? ""
        let run = try await CommandRunner.run(["status", "--brokers", brokers, "--timeout", "5"], deadline: .seconds(60))
        #expect(run.status == 1)
        #expect(run.stderrLines == [
            "Error: the broker at \(brokers) answered, but librdkafka \(LibrdkafkaVersion.string) cannot read its reply (fixed in librdkafka 2.2); run with a newer librdkafka.so.1 on LD_LIBRARY_PATH"
        ], "\(run.stderr)")
    }
}
