import Testing
import TestSupport

/// `newswire replay` against Tansu (librdkafka 2.16, `Scripts/test.sh`'s third part).
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerReplayTests {
    @Test func timeWindowReplayWritesExactlyTheWindow() async throws {
        try await ReplayScenarios.timeWindow(on: try #require(ReplayBroker.tansu))
    }

    @Test func aKilledReplayRerunNeitherSkipsNorRepeatsMoreThanTheBound() async throws {
        try await ReplayScenarios.killAndRerun(on: try #require(ReplayBroker.tansu))
    }

    @Test func sigtermFinishesCommitsAndTheRerunRepeatsNothing() async throws {
        try await ReplayScenarios.stopAndRerun(on: try #require(ReplayBroker.tansu))
    }

    @Test func deadLettersAFixCanHandleAreRedriven() async throws {
        try await ReplayScenarios.deadLetterRedrive(on: try #require(ReplayBroker.tansu))
    }

    @Test func twoProcessesShareThePartitions() async throws {
        try await ReplayScenarios.twoProcessesShare(on: try #require(ReplayBroker.tansu))
    }
}
