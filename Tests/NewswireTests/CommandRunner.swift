import Foundation
import Synchronization
import Testing

/// Runs the built `newswire` executable (beside the test bundle, or
/// `$NEWSWIRE_BINARY`) and captures its exit status and output.
enum CommandRunner {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        /// True when the deadline passed and the process was killed.
        var timedOut = false

        /// The non-empty lines of stderr.
        var stderrLines: [Substring] { stderr.split(separator: "\n") }
    }

    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    /// The shared corpus: `$NEWSWIRE_SHARED`, else `../shared` beside the package.
    static var shared: URL {
        if let path = ProcessInfo.processInfo.environment["NEWSWIRE_SHARED"] {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["NEWSWIRE_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("newswire")
    }

    /// Runs an executable (default: `newswire`) with `stdin` bytes, if any.
    /// Waits for it off Swift's cooperative threads (through the process's
    /// termination handler), so concurrent async tests keep running; past
    /// `deadline` the process is killed and the run records an issue.
    static func run(
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

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-cli-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            Issue.record("could not create \(url.path): \(error)")
        }
        return url
    }

    static func remove(_ url: URL) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("could not remove \(url.path): \(error)")
        }
    }
}

/// Kills a process that outlives its deadline (a Dispatch timer, so no
/// task sleeps), and remembers whether it had to.
final class Killswitch: Sendable {
    private let timer = DeadlineTimer()
    private let didFire = Atomic<Bool>(false)

    var fired: Bool { didFire.load(ordering: .relaxed) }

    func arm(_ process: Process, after deadline: Duration) {
        timer.start(after: deadline) { [self] in
            guard process.isRunning else { return }
            didFire.store(true, ordering: .relaxed)
            kill(process.processIdentifier, SIGKILL)
        }
    }

    func disarm() {
        timer.cancel()
    }
}
