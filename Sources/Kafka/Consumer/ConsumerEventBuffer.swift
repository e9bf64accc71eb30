import Dispatch
import Synchronization

/// The bounded hand-over between a consumer's poll thread and the task that
/// iterates its events.
///
/// The poll thread blocks (on a semaphore, outside Swift's thread pool) when
/// more than `capacity` events, or more than `byteCapacity` bytes of
/// messages, are waiting, so a slow application slows fetching rather than
/// growing memory. A revocation blocks the poll thread until the
/// application asks for the event after it (see `KafkaConsumerEvent`).
final class ConsumerEventBuffer: Sendable {
    private struct State {
        var events: [KafkaConsumerEvent] = []
        var head = 0
        var waiter: CheckedContinuation<KafkaConsumerEvent?, any Error>?
        var waiterCancelled = false
        var spaceWaiter: DispatchSemaphore?
        var revocationWaiter: DispatchSemaphore?
        var revocationHandedOut = false
        var closing = false
        var finished = false
        var failure: KafkaError?
        var bytes = 0

        var count: Int { events.count - head }

        mutating func popFirst() -> KafkaConsumerEvent? {
            guard head < events.count else { return nil }
            let event = events[head]
            bytes -= ConsumerEventBuffer.bytes(of: event)
            head += 1
            if head == events.count {
                events.removeAll(keepingCapacity: true)
                head = 0
            }
            return event
        }
    }

    private let state = Mutex(State())
    let capacity: Int
    let byteCapacity: Int

    init(capacity: Int, byteCapacity: Int = .max) {
        self.capacity = max(1, capacity)
        self.byteCapacity = max(1, byteCapacity)
    }

    static func bytes(of event: KafkaConsumerEvent) -> Int {
        guard case .messages(let batch) = event else { return 0 }
        return batch.reduce(0) { $0 + $1.byteCount }
    }

    private func isFull(_ state: State) -> Bool {
        state.count > capacity || (state.bytes > byteCapacity && state.count > 1)
    }

    // MARK: poll thread side

    /// Hands `event` on; blocks while the buffer is full (unless closing).
    func push(_ event: KafkaConsumerEvent) {
        let space = DispatchSemaphore(value: 0)
        let mustWait = deliver(event, space: space)
        if mustWait { space.wait() }
    }

    /// Hands a revocation on and blocks until the application has handled it
    /// (asked for the next event). While closing, the revocation is not
    /// delivered at all: the member is leaving the group, so commits made for
    /// it would be rejected; the application commits before `close()`.
    func pushRevocation(_ revocation: KafkaRevocation) {
        let handled = DispatchSemaphore(value: 0)
        let deliver = state.withLock { state -> Bool in
            if state.closing || state.finished { return false }
            state.revocationWaiter = handled
            return true
        }
        guard deliver else { return }
        push(.partitionsRevoked(revocation))
        handled.wait()
    }

    private func deliver(_ event: KafkaConsumerEvent, space: DispatchSemaphore) -> Bool {
        let (waiter, mustWait) = state.withLock { state -> (CheckedContinuation<KafkaConsumerEvent?, any Error>?, Bool) in
            if state.finished { return (nil, false) }
            if let waiter = state.waiter {
                state.waiter = nil
                if case .partitionsRevoked = event { state.revocationHandedOut = true }
                return (waiter, false)
            }
            state.events.append(event)
            state.bytes += Self.bytes(of: event)
            if isFull(state) && !state.closing {
                state.spaceWaiter = space
                return (nil, true)
            }
            return (nil, false)
        }
        waiter?.resume(returning: event)
        return mustWait
    }

    /// Ends the sequence (after the buffered events), with `failure` if fatal.
    func finish(failure: KafkaError?) {
        let (waiter, signals) = state.withLock { state in
            state.finished = true
            state.failure = state.failure ?? failure
            let waiter = state.count == 0 ? state.waiter : nil
            if waiter != nil { state.waiter = nil }
            return (waiter, Self.takeSignals(&state))
        }
        for signal in signals { signal.signal() }
        if let waiter {
            if let failure { waiter.resume(throwing: failure) } else { waiter.resume(returning: nil) }
        }
    }

    /// Stops blocking the poll thread: pending waits end, later pushes never wait.
    func beginClosing() {
        let signals = state.withLock { state in
            state.closing = true
            return Self.takeSignals(&state)
        }
        for signal in signals { signal.signal() }
    }

    private static func takeSignals(_ state: inout State) -> [DispatchSemaphore] {
        let signals = [state.spaceWaiter, state.revocationWaiter].compactMap { $0 }
        state.spaceWaiter = nil
        state.revocationWaiter = nil
        return signals
    }

    // MARK: application side

    func next() async throws -> KafkaConsumerEvent? {
        if Task.isCancelled { return nil }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<KafkaConsumerEvent?, any Error>) in
                let (outcome, signals) = state.withLock { state -> (Result<KafkaConsumerEvent?, KafkaError>?, [DispatchSemaphore]) in
                    var signals: [DispatchSemaphore] = []
                    if state.revocationHandedOut {
                        state.revocationHandedOut = false
                        if let handled = state.revocationWaiter {
                            signals.append(handled)
                            state.revocationWaiter = nil
                        }
                    }
                    if let event = state.popFirst() {
                        if case .partitionsRevoked = event { state.revocationHandedOut = true }
                        if !isFull(state), let space = state.spaceWaiter {
                            signals.append(space)
                            state.spaceWaiter = nil
                        }
                        return (.success(event), signals)
                    }
                    if state.finished {
                        if let failure = state.failure {
                            state.failure = nil
                            return (.failure(failure), signals)
                        }
                        return (.success(nil), signals)
                    }
                    if state.waiterCancelled {
                        state.waiterCancelled = false
                        return (.success(nil), signals)
                    }
                    state.waiter = continuation
                    return (nil, signals)
                }
                for signal in signals { signal.signal() }
                if let outcome { continuation.resume(with: outcome.mapError { $0 as any Error }) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                let waiter = state.waiter
                state.waiter = nil
                if waiter == nil { state.waiterCancelled = true }
                return waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}
