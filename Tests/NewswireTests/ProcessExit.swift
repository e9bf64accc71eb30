import Foundation
import Synchronization

/// The exit of a child `Process` (a `newswire run` or `newswire replay` the
/// test acts on while it runs): its status once known, and a wait for it
/// with a deadline.
final class ProcessExit: Sendable {
    private let state = Mutex<(status: Int32?, waiters: [CheckedContinuation<Int32, Never>])>((nil, []))

    /// Watches `process`: sets its termination handler, so call it before `run()`.
    init(watching process: Process) {
        process.terminationHandler = { [self] finished in
            let waiters = state.withLock { state in
                state.status = finished.terminationStatus
                defer { state.waiters = [] }
                return state.waiters
            }
            for waiter in waiters { waiter.resume(returning: finished.terminationStatus) }
        }
    }

    /// The exit status (or the signal number for a killed process), nil while it runs.
    var status: Int32? { state.withLock { $0.status } }

    /// The exit status; when `timeout` passes first, `kill` is called (it
    /// must end the process, e.g. SIGKILL) and the result is nil.
    func wait(within timeout: Duration, orElse kill: @escaping @Sendable () -> Void) async -> Int32? {
        await withTaskGroup(of: Int32?.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let status = self.state.withLock { state -> Int32? in
                        if let status = state.status { return status }
                        state.waiters.append(continuation)
                        return nil
                    }
                    if let status { continuation.resume(returning: status) }
                }
            }
            group.addTask {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return nil  // the process exited first
                }
                kill()
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            // A kill ends the process, so the exit's waiter resumes too.
            while await group.next() != nil {}
            return first
        }
    }
}
