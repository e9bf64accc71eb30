import Foundation
import Synchronization

/// A dedicated OS thread for a loop that blocks inside librdkafka
/// (`rd_kafka_poll`, `rd_kafka_consumer_poll`), so waiting costs no CPU and
/// no cooperative thread, and a message is handed on as soon as it arrives.
///
/// The owner asks it to stop (the loop checks `isStopping`) and awaits `join()`.
final class PollThread: Sendable {
    private struct State {
        var finished = false
        var joiners: [CheckedContinuation<Void, Never>] = []
        /// Joiners that stop waiting when their task is cancelled, by id.
        var cancellableJoiners: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextJoiner: UInt64 = 0
    }

    private let state = Mutex(State())
    private let stopping = Atomic<Bool>(false)

    var isStopping: Bool { stopping.load(ordering: .acquiring) }

    /// Starts `loop` on a new thread named `name`.
    init(name: String, loop: @escaping @Sendable (PollThread) -> Void) {
        let thread = Thread { [self] in
            loop(self)
            let joiners = state.withLock { state in
                state.finished = true
                let joiners = state.joiners + state.cancellableJoiners.values
                state.joiners = []
                state.cancellableJoiners = [:]
                return joiners
            }
            for joiner in joiners { joiner.resume() }
        }
        thread.name = name
        thread.start()
    }

    func requestStop() { stopping.store(true, ordering: .releasing) }

    /// Returns when the loop has returned, or as soon as the task is
    /// cancelled; says whether the loop has returned. The loop goes on after
    /// a cancelled join, on its own thread, until it ends by itself.
    func joinUnlessCancelled() async -> Bool {
        let id = state.withLock { state in
            state.nextJoiner += 1
            return state.nextJoiner
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.finished || Task.isCancelled { return true }
                    state.cancellableJoiners[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.cancellableJoiners.removeValue(forKey: id) }?.resume()
        }
        return state.withLock { $0.finished }
    }

    /// Returns when the loop has returned.
    func join() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.finished { return true }
                state.joiners.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }
}
