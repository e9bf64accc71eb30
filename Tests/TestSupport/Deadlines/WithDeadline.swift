/// Runs `body` with a deadline: returns its result, or throws `TimedOut`
/// naming `what` once `timeout` has passed (and cancels `body`).
///
/// Structured: `body` runs as a child task, so it must end when cancelled —
/// every Kafka wait in this project does (`KafkaConsumer.events`,
/// `AsyncStream`, `Task.sleep`). A wait that ignores cancellation is still
/// caught by the suite's `.timeLimit` and by the `timeout` around each part of
/// `Scripts/test.sh`, but only there.
@discardableResult
public func withDeadline<T: Sendable>(
    _ what: String,
    within timeout: Duration = .seconds(30),
    _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: DeadlineOutcome<T>.self) { group in
        group.addTask { .finished(try await body()) }
        group.addTask {
            try await Task.sleep(for: timeout)
            return .timedOut
        }
        defer { group.cancelAll() }
        switch try await group.next() {
        case .finished(let value): return value
        case .timedOut, nil: throw TimedOut(what, after: timeout)
        }
    }
}

private enum DeadlineOutcome<T: Sendable>: Sendable {
    case finished(T)
    case timedOut
}
