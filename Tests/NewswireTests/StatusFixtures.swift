import Foundation
import Testing
import TestSupport

/// A group for the `status` tests to report on: the examples published to
/// `articles.raw`, then consumed and committed by a replay in `group`.
enum StatusFixtures {
    static func publishExamplesAndReplay(address: String, group: String) async throws {
        let examples = Repository.examples.path
        let publish = try await CommandRunner.run(["publish", "--brokers", address, "--topic", "articles.raw", examples])
        try #require(publish.status == 0, "\(publish.stderr)")
        // A replay consumes articles.raw in its own group, commits, writes the output topics and exits.
        let replay = try await CommandRunner.run(["replay", "--brokers", address, "--group", group])
        try #require(replay.status == 0, "\(replay.stderr)")
    }
}
