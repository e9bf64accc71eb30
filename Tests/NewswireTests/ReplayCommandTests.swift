import Testing

/// `newswire replay` on an embedded mock cluster (Debian's librdkafka).
@Suite(.timeLimit(.minutes(3)))
struct ReplayCommandTests {
    @Test func timeWindowReplayWritesExactlyTheWindow() async throws {
        try await ReplayScenarios.timeWindow(on: try ReplayBroker.embedded())
    }
}
