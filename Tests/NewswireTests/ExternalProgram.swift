import Foundation
import Synchronization
import Testing
import TestSupport

/// A program from the system (`prometheus`, `promtool`, `chromium`) found on
/// PATH, run to completion under a deadline — killed when it passes — or
/// kept running as a server until stopped.
enum ExternalProgram {
    /// The program's path on PATH, or nil when it is not installed.
    static func find(_ name: String) -> URL? { CommandRunner.onPath(name) }

    /// The trait of a test that needs `name`: it skips, saying so, only when
    /// the program is not installed (`make test` installs it).
    static func needed(_ name: String) -> ConditionTrait {
        .needsProgram(name, installedBy: "Scripts/setup-system.sh --monitoring")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
    }

    /// Runs `name` with `arguments` and `stdin`; kills it after `timeout`.
    static func run(_ name: String, _ arguments: [String], stdin: Data = Data(), timeout: Duration) async throws -> Run {
        let executable = try #require(find(name), "\(name) is not on PATH")
        let scratch = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try stdin.write(to: inURL)
        let server = try Server(executable: executable, arguments: arguments, stdin: inURL, stdout: outURL, stderr: errURL)
        let status = await server.waitForExit(timeout: timeout)
        if status == nil { server.stop() }
        _ = await server.waitForExit(timeout: .seconds(10))
        return Run(
            status: status ?? -1,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            timedOut: status == nil
        )
    }

    /// A started program: waited for with a deadline, stopped with SIGTERM
    /// (SIGKILL when it is still running at deinit).
    ///
    /// Sendable proof for `@unchecked`: `process` is configured and launched
    /// in `init` and afterwards only read (`processIdentifier`); the
    /// termination handler writes only `exit`, behind a Mutex.
    final class Server: @unchecked Sendable {
        private struct ExitState {
            var status: Int32?
            var waiters: [Int: CheckedContinuation<Int32?, Never>] = [:]
            var nextWaiter = 0
        }

        /// The exit state behind a lock, shared with the termination handler.
        private final class ExitBox: Sendable {
            let state = Mutex(ExitState())
        }

        private let process = Process()
        private let box = ExitBox()

        init(executable: URL, arguments: [String], stdin: URL? = nil, stdout: URL, stderr: URL) throws {
            process.executableURL = executable
            process.arguments = arguments
            if let stdin { process.standardInput = try FileHandle(forReadingFrom: stdin) }
            process.standardOutput = try FileHandle(forWritingTo: stdout)
            process.standardError = try FileHandle(forWritingTo: stderr)
            process.terminationHandler = { [box] finished in
                let waiters = box.state.withLock { state in
                    state.status = finished.terminationStatus
                    defer { state.waiters = [:] }
                    return Array(state.waiters.values)
                }
                for waiter in waiters { waiter.resume(returning: finished.terminationStatus) }
            }
            try process.run()
        }

        var isRunning: Bool { box.state.withLock { $0.status == nil } }

        func stop() { kill(process.processIdentifier, SIGTERM) }

        /// The exit status, or nil when `timeout` passed first.
        func waitForExit(timeout: Duration) async -> Int32? {
            await withTaskGroup(of: Int32?.self) { group in
                group.addTask { await self.exitStatus() }
                group.addTask {
                    do {
                        try await Task.sleep(for: timeout)
                    } catch {
                        return nil  // cancelled: the program exited first
                    }
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }

        /// Waits for the exit; nil when the waiting task is cancelled.
        private func exitStatus() async -> Int32? {
            let id = box.state.withLock { state in
                state.nextWaiter += 1
                return state.nextWaiter
            }
            return await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Int32?, Never>) in
                    let status = box.state.withLock { state -> Int32?? in
                        if let status = state.status { return .some(status) }
                        if Task.isCancelled { return .some(nil) }
                        state.waiters[id] = continuation
                        return .none
                    }
                    if let status { continuation.resume(returning: status) }
                }
            } onCancel: {
                box.state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: nil)
            }
        }

        deinit {
            if isRunning { kill(process.processIdentifier, SIGKILL) }
        }
    }
}
