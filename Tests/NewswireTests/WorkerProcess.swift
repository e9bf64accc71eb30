import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing
import TestSupport

/// A `newswire run` child process for the worker tests: started with
/// arguments, its stderr kept in a file, its stats endpoint found from what it
/// prints, signalled (SIGTERM, SIGKILL), its memory read from /proc, and its
/// exit awaited with a deadline.
///
/// Sendable proof for `@unchecked`: `process` is configured and launched in
/// `init` and afterwards only read (`processIdentifier`); Foundation calls the
/// termination handler once, and it writes only `exit`'s state, which is
/// behind a Mutex. `stderrURL` and `name` are constants.
final class WorkerProcess: @unchecked Sendable {
    private let process = Process()
    private let exit: ProcessExit
    let stderrURL: URL
    let name: String

    /// Starts `newswire run` with `arguments` (stats on a free port unless given).
    init(name: String, arguments: [String], environment: [String: String] = [:]) throws {
        self.name = name
        stderrURL = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-worker-\(name)-\(UUID().uuidString).log")
        try Data().write(to: stderrURL)
        process.executableURL = CommandRunner.binary
        var all = ["run"] + arguments
        if !arguments.contains("--stats-address") { all += ["--stats-address", "127.0.0.1:0"] }
        process.arguments = all
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        exit = ProcessExit(watching: process)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { exit.status == nil }
    /// What the worker wrote to stderr so far.
    var log: String {
        do {
            return try String(contentsOf: stderrURL, encoding: .utf8)
        } catch {
            return "(the log at \(stderrURL.path) cannot be read: \(error))"
        }
    }

    func terminate() { kill(pid, SIGTERM) }
    func killNow() { kill(pid, SIGKILL) }

    /// The exit status (or the signal number for a killed process), or nil
    /// after `timeout` (the worker is then killed).
    func waitForExit(timeout: Duration) async -> Int32? {
        await exit.wait(within: timeout) { [pid] in kill(pid, SIGKILL) }
    }

    /// The stats endpoint's base URL if the worker printed it already.
    var printedStatsURL: String? {
        let log = self.log
        guard let range = log.range(of: "stats at http://") else { return nil }
        return "http://" + log[range.upperBound...].prefix { $0 != "/" && $0 != " " }
    }

    /// The stats endpoint's base URL, once the worker printed it.
    func statsURL(timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let url = printedStatsURL { return url }
            guard isRunning else { throw TimedOut("\(name)'s stats address; it exited: \(log)", after: timeout) }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut("\(name)'s stats address", after: timeout)
    }

    /// `/stats` as JSON.
    func stats(_ base: String) async throws -> [String: Any] {
        let (data, _) = try await URLSession.shared.data(from: try #require(URL(string: base + "/stats")))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Resident and peak resident memory in bytes, from /proc (nil once exited).
    var memory: (resident: Int, peak: Int)? {
        let status: String
        do {
            status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        } catch {
            return nil  // the process has exited
        }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").compactMap { Int($0) }.first.map { $0 * 1024 }
        }
        guard let resident = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return (resident, peak)
    }

    deinit {
        if isRunning { kill(pid, SIGKILL) }
        do {
            try FileManager.default.removeItem(at: stderrURL)
        } catch {
            print("could not remove \(stderrURL.path): \(error)")
        }
    }
}
