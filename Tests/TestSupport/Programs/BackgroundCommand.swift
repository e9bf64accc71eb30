import Foundation
import Synchronization
import Testing

/// A `newswire` process that runs while a test talks to it (the embedded
/// broker, a worker): its first stdout line can be awaited, and `stop()`
/// sends SIGTERM and waits for the exit. Every wait has a deadline.
public final class BackgroundCommand: Sendable {
    private struct State {
        var stdout = Data()
        var stderr = Data()
        var lineWaiter: CheckedContinuation<String?, Never>?
        var stderrWaiter: (text: String, continuation: CheckedContinuation<Bool, Never>)?
        var exitWaiter: CheckedContinuation<Void, Never>?
        var exited = false
    }

    private let process: Process
    private let state = Mutex(State())

    public init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = CommandRunner.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        self.process = process
        out.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            deliver(stdout: chunk, closed: chunk.isEmpty)
        }
        err.fileHandleForReading.readabilityHandler = { [self] handle in
            let chunk = handle.availableData
            if chunk.isEmpty { handle.readabilityHandler = nil }
            let found = state.withLock { state -> CheckedContinuation<Bool, Never>? in
                state.stderr.append(chunk)
                guard let waiter = state.stderrWaiter, String(decoding: state.stderr, as: UTF8.self).contains(waiter.text) else { return nil }
                state.stderrWaiter = nil
                return waiter.continuation
            }
            found?.resume(returning: true)
        }
        process.terminationHandler = { [self] _ in
            let waiters = state.withLock { state in
                state.exited = true
                defer { state.exitWaiter = nil; state.lineWaiter = nil; state.stderrWaiter = nil }
                return (state.exitWaiter, state.lineWaiter, state.stderrWaiter?.continuation)
            }
            waiters.0?.resume()
            waiters.1?.resume(returning: nil)
            waiters.2?.resume(returning: false)
        }
        try process.run()
    }

    private func deliver(stdout chunk: Data, closed: Bool) {
        let resume = state.withLock { state -> (CheckedContinuation<String?, Never>, String?)? in
            state.stdout.append(chunk)
            guard let waiter = state.lineWaiter else { return nil }
            if let line = Self.firstLine(state.stdout) {
                state.lineWaiter = nil
                return (waiter, line)
            }
            guard closed else { return nil }
            state.lineWaiter = nil
            return (waiter, nil)
        }
        resume?.0.resume(returning: resume?.1)
    }

    private static func firstLine(_ data: Data) -> String? {
        guard let newline = data.firstIndex(of: 0x0A) else { return nil }
        return String(decoding: data[data.startIndex..<newline], as: UTF8.self)
    }

    /// What the process wrote to stderr so far.
    public var stderr: String { state.withLock { String(decoding: $0.stderr, as: UTF8.self) } }

    /// The first line on stdout; nil when the process ended or `deadline` passed first.
    public func firstLine(within deadline: Duration) async -> String? {
        let timer = DeadlineTimer()
        let line = await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
            let ready = state.withLock { state -> String?? in
                if let line = Self.firstLine(state.stdout) { return .some(line) }
                if state.exited { return .some(nil) }
                state.lineWaiter = continuation
                return .none
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            timer.start(after: deadline) { [self] in
                let waiter = state.withLock { state in
                    defer { state.lineWaiter = nil }
                    return state.lineWaiter
                }
                waiter?.resume(returning: nil)
            }
        }
        timer.cancel()
        return line
    }

    /// True once stderr contains `text`; false when the process ended or `deadline` passed first.
    public func waitForStderr(containing text: String, within deadline: Duration) async -> Bool {
        let timer = DeadlineTimer()
        let found = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let ready = state.withLock { state -> Bool? in
                if String(decoding: state.stderr, as: UTF8.self).contains(text) { return true }
                if state.exited { return false }
                state.stderrWaiter = (text, continuation)
                return nil
            }
            if let ready {
                continuation.resume(returning: ready)
                return
            }
            timer.start(after: deadline) { [self] in
                let waiter = state.withLock { state in
                    defer { state.stderrWaiter = nil }
                    return state.stderrWaiter?.continuation
                }
                waiter?.resume(returning: false)
            }
        }
        timer.cancel()
        return found
    }

    /// SIGTERM, then waits for the exit; SIGKILL after `deadline`. Returns the exit status.
    @discardableResult
    public func stop(within deadline: Duration = .seconds(30)) async -> Int32 {
        if process.isRunning { process.terminate() }
        let timer = DeadlineTimer()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if state.exited { return true }
                state.exitWaiter = continuation
                return false
            }
            if done {
                continuation.resume()
                return
            }
            timer.start(after: deadline) { [process] in
                Issue.record("newswire \(process.arguments?.joined(separator: " ") ?? "") did not exit within \(deadline) of SIGTERM; killed")
                kill(process.processIdentifier, SIGKILL)
            }
        }
        timer.cancel()
        return process.terminationStatus
    }
}
