import Synchronization

/// Wakes tasks waiting for "something was delivered": producers waiting for
/// room in a full local queue, and flushes waiting for the queue to drain.
///
/// A generation counter closes the race between "the queue was full" and
/// "start waiting": a waiter passes the generation it saw before its attempt
/// and returns at once if a delivery happened in between.
final class ProgressSignal: Sendable {
    private struct State {
        var generation: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())
    private let waiterCount = Atomic<Int>(0)

    var generation: UInt64 { state.withLock { $0.generation } }

    /// True while some task waits; lets the delivery hot path skip the lock.
    var hasWaiters: Bool { waiterCount.load(ordering: .relaxed) > 0 }

    /// Returns once the generation differs from `seen`, or the task is
    /// cancelled (the caller checks `Task.isCancelled`).
    func wait(after seen: UInt64) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.generation != seen || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    waiterCount.add(1, ordering: .relaxed)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                let waiter = state.waiters.removeValue(forKey: id)
                if waiter != nil { waiterCount.subtract(1, ordering: .relaxed) }
                return waiter
            }
            waiter?.resume()
        }
    }

    /// Records progress and wakes every waiter.
    func advance() {
        let waiters = state.withLock { state in
            state.generation &+= 1
            let waiters = state.waiters
            state.waiters = [:]
            waiterCount.subtract(waiters.count, ordering: .relaxed)
            return waiters
        }
        for waiter in waiters.values { waiter.resume() }
    }
}
