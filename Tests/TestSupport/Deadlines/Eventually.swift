/// Waits until `condition` holds, checking it every `interval`; throws
/// `TimedOut` naming `what` if it still does not hold after `timeout`.
///
/// For state that changes without an event to wait on (counters, assignments
/// recorded by another task). The sleep between checks is bounded by the
/// deadline and ends early when the task is cancelled.
public func eventually(
    _ what: String,
    within timeout: Duration = .seconds(30),
    every interval: Duration = .milliseconds(50),
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        if try await condition() { return }
        guard ContinuousClock.now < deadline else { throw TimedOut(what, after: timeout) }
        try await Task.sleep(for: interval)
    }
}
