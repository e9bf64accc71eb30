import Foundation
import Testing

/// Runs programs from tests — the built `newswire`, the Python validator,
/// kcat — with a deadline, capturing exit status and output.
public enum Programs {
    /// The built `newswire` executable: `$NEWSWIRE_BINARY`, else the one beside
    /// the test bundle.
    public static var newswire: URL {
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

    /// Runs `executable` with `arguments`, `stdin` bytes and extra
    /// `environment` (in `currentDirectory`, if given), and returns once it exits. Output goes through files, so
    /// a large output cannot block it; the wait happens off Swift's
    /// cooperative threads (the process's termination handler). After
    /// `timeout` the program is terminated and `TimedOut` is thrown.
    public static func run(
        _ executable: URL,
        _ arguments: [String],
        stdin: [UInt8] = [],
        environment: [String: String] = [:],
        currentDirectory: URL? = nil,
        timeout: Duration = .seconds(120)
    ) async throws -> ProgramRun {
        try #require(FileManager.default.isExecutableFile(atPath: executable.path), "no executable at \(executable.path)")
        let scratch = try ScratchFolder(prefix: "newswire-run")
        defer { scratch.remove() }
        let inURL = scratch.url.appendingPathComponent("stdin")
        let outURL = scratch.url.appendingPathComponent("stdout")
        let errURL = scratch.url.appendingPathComponent("stderr")
        try Data(stdin).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let child = ChildProcess(
            executable: executable, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, given in given },
            currentDirectory: currentDirectory,
            stdin: try FileHandle(forReadingFrom: inURL),
            stdout: try FileHandle(forWritingTo: outURL),
            stderr: try FileHandle(forWritingTo: errURL)
        )
        let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        let status = try await withDeadline("`\(command)` to exit", within: timeout) {
            try await child.run()
        }
        return ProgramRun(
            status: status,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// `newswire` with `arguments`.
    public static func newswire(
        _ arguments: [String], stdin: [UInt8] = [], environment: [String: String] = [:], timeout: Duration = .seconds(120)
    ) async throws -> ProgramRun {
        try await run(newswire, arguments, stdin: stdin, environment: environment, timeout: timeout)
    }
}
