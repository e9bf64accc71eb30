import Foundation
import Testing

/// Runs programs from tests — the built `newswire` (beside the test bundle,
/// or `$NEWSWIRE_BINARY`), the Python validator, kcat — and captures their
/// exit status and output. Every run has a deadline.
public enum CommandRunner {
    /// What a finished program left behind.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// True when the deadline passed and the process was killed.
        public var timedOut = false

        /// The non-empty lines of stderr.
        public var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    /// The built `newswire` executable.
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NEWSWIRE_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("newswire")
    }

    /// The first executable called `name` on `PATH`, or nil.
    public static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs an executable (default: `newswire`) with `stdin` bytes, if any.
    /// Output goes through files, so a large output cannot block it. Waits
    /// for it off Swift's cooperative threads (through the process's
    /// termination handler), so concurrent async tests keep running; past
    /// `deadline` the process is killed and the run records an issue.
    public static func run(
        _ arguments: [String], executable: URL = binary, stdin: Data? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil, deadline: Duration = .seconds(180)
    ) async throws -> Run {
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "no executable at \(executable.path)")
        let scratch = temporaryFolder()
        defer { remove(scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        let inURL = scratch.appendingPathComponent("stdin")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        try (stdin ?? Data()).write(to: inURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let killed = Killswitch()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                Issue.record("could not start \(executable.path): \(error)")
                process.terminationHandler = nil
                continuation.resume()
                return
            }
            killed.arm(process, after: deadline)
        }
        killed.disarm()
        if killed.fired {
            Issue.record("\(executable.lastPathComponent) \(arguments.joined(separator: " ")) did not end within \(deadline); killed")
        }
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            timedOut: killed.fired
        )
    }

    /// A fresh folder under the temporary directory; `remove` it when done.
    public static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-test-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            Issue.record("could not create \(url.path): \(error)")
        }
        return url
    }

    /// Deletes `url`; a failure is printed (the test has its result already).
    public static func remove(_ url: URL) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("could not remove \(url.path): \(error)")
        }
    }
}
