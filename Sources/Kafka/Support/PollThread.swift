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
                let joiners = state.joiners
                state.joiners = []
                return joiners
            }
            for joiner in joiners { joiner.resume() }
        }
        thread.name = name
        thread.start()
    }

    func requestStop() { stopping.store(true, ordering: .releasing) }

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
