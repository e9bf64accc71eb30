import Synchronization

/// Collects the delivery reports of one produced batch and wakes whoever
/// awaits them once every message has a report.
///
/// `remaining` starts at the batch size plus one: the extra count belongs to
/// the producing task and is released by `finishEnqueueing()`, so reports
/// that arrive while the batch is still being enqueued cannot complete it early.
final class DeliveryTracker: Sendable {
    private struct State {
        var reports: [KafkaDeliveryReport?]
        var remaining: Int
        var waiters: [CheckedContinuation<[KafkaDeliveryReport], Never>] = []
        var complete: [KafkaDeliveryReport]?
    }

    private let state: Mutex<State>
    let count: Int

    init(count: Int) {
        self.count = count
        state = Mutex(State(reports: Array(repeating: nil, count: count), remaining: count + 1))
    }

    /// Records the report of message `index`; returns true when the batch is complete.
    @discardableResult
    func record(_ report: KafkaDeliveryReport, at index: Int) -> Bool {
        let (done, waiters) = state.withLock { state -> (Bool, [CheckedContinuation<[KafkaDeliveryReport], Never>]) in
            state.reports[index] = report
            return Self.release(&state)
        }
        resume(waiters, done: done)
        return done
    }

    /// Called by the producing task after its last enqueue attempt; returns true when complete.
    @discardableResult
    func finishEnqueueing() -> Bool {
        let (done, waiters) = state.withLock { Self.release(&$0) }
        resume(waiters, done: done)
        return done
    }

    /// True once every message has a report.
    var isComplete: Bool { state.withLock { $0.complete != nil } }

    /// All reports, in the order of the batch.
    func reports() async -> [KafkaDeliveryReport] {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> [KafkaDeliveryReport]? in
                if let complete = state.complete { return complete }
                state.waiters.append(continuation)
                return nil
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    private static func release(
        _ state: inout State
    ) -> (Bool, [CheckedContinuation<[KafkaDeliveryReport], Never>]) {
        state.remaining -= 1
        guard state.remaining == 0 else { return (false, []) }
        let complete = state.reports.map { $0! }
        state.complete = complete
        state.reports = []
        let waiters = state.waiters
        state.waiters = []
        return (true, waiters)
    }

    private func resume(_ waiters: [CheckedContinuation<[KafkaDeliveryReport], Never>], done: Bool) {
        guard done, !waiters.isEmpty else { return }
        let complete = state.withLock { $0.complete ?? [] }
        for waiter in waiters { waiter.resume(returning: complete) }
    }
}
