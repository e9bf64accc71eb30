import Foundation
import Synchronization

/// One run of a program, awaited through its termination handler and
/// terminated when the awaiting task is cancelled (a deadline passed).
///
/// `@unchecked Sendable`: the `Process` is configured once in `init` and then
/// touched only inside `run()` (start, read its status after it ended) and by
/// the cancellation handler, which calls `terminate()` only after `run()` has
/// started the process — that order is kept by the `started` mutex.
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let started = Mutex(false)

    init(
        executable: URL, arguments: [String], environment: [String: String], currentDirectory: URL?,
        stdin: FileHandle, stdout: FileHandle, stderr: FileHandle
    ) {
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
    }

    /// Starts the program and returns its exit status once it has ended.
    func run() async throws -> Int32 {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                process.terminationHandler = { _ in continuation.resume() }
                do {
                    try started.withLock { isStarted in
                        try process.run()
                        isStarted = true
                    }
                } catch {
                    process.terminationHandler = nil
                    continuation.resume(throwing: error)
                    return
                }
                if Task.isCancelled { terminate() }
            }
            return process.terminationStatus
        } onCancel: {
            terminate()
        }
    }

    private func terminate() {
        started.withLock { isStarted in
            if isStarted && process.isRunning { process.terminate() }
        }
    }
}
