import Dispatch

extension DispatchSemaphore {
    /// Waits for a signal with a deadline, off Swift's cooperative threads (a
    /// blocked semaphore wait there could starve the tasks that would signal
    /// it). Throws `TimedOut` naming `what` after `timeout`.
    public func wait(for what: String, within timeout: Duration) async throws {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<DispatchTimeoutResult, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: self.wait(timeout: .now() + .nanoseconds(nanoseconds)))
            }
        }
        if result == .timedOut { throw TimedOut(what, after: timeout) }
    }

    /// Whether a signal arrives within `interval`, waited off Swift's
    /// cooperative threads: for checks that something does *not* happen
    /// (a blocked push stays blocked), where a late signal can only make
    /// the check pass wrongly, never fail wrongly.
    public func signalled(within interval: Duration) async -> Bool {
        let (seconds, attoseconds) = interval.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: self.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success)
            }
        }
    }
}
