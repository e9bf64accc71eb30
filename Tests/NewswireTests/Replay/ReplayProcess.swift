import Foundation
import Synchronization
import Testing
import TestSupport

/// A `newswire replay` child process that runs while the test acts on it
/// (`CommandRunner.run` runs one to its end): its stdout and stderr kept in
/// files, signalled (SIGTERM, SIGKILL), and its exit awaited with a deadline
/// after which it is killed, so a test never waits on it for ever.
///
/// Sendable proof for `@unchecked`: `process` is configured and launched in
/// `init` and afterwards only read (`processIdentifier`); Foundation calls
/// the termination handler once, and it writes only `exit`'s state, behind a
/// Mutex. The URLs are constants.
final class ReplayProcess: @unchecked Sendable {
    private let process = Process()
    private let exit: ProcessExit
    private let stdoutURL: URL
    private let stderrURL: URL

    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        let folder = FileManager.default.temporaryDirectory
        let id = UUID().uuidString
        stdoutURL = folder.appendingPathComponent("newswire-replay-\(id).out")
        stderrURL = folder.appendingPathComponent("newswire-replay-\(id).err")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        process.executableURL = CommandRunner.binary
        process.arguments = ["replay"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        exit = ProcessExit(watching: process)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var status: Int32? { exit.status }
    var stdout: String { read(stdoutURL) }
    var stderr: String { read(stderrURL) }

    func terminate() { kill(pid, SIGTERM) }
    func killNow() { kill(pid, SIGKILL) }

    /// The exit status (or the signal's number); after `timeout` the process
    /// is killed and the test records an issue.
    @discardableResult
    func waitForExit(timeout: Duration) async -> Int32 {
        if let status = await exit.wait(within: timeout, orElse: { [pid] in kill(pid, SIGKILL) }) { return status }
        Issue.record("newswire replay did not exit within \(timeout); killed. stderr: \(stderr)")
        return -1
    }

    private func read(_ url: URL) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            return "(cannot read \(url.path): \(error))"
        }
    }

    deinit {
        if status == nil { kill(pid, SIGKILL) }
        for url in [stdoutURL, stderrURL] {
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                print("could not remove \(url.path): \(error)")
            }
        }
    }
}

/// The lines `newswire replay` prints, read back: the plan's and the
/// result's per-partition counts, and the JSON progress lines.
struct ReplayOutput {
    let text: String

    /// `topic/p: offsets a..<b (n messages)` → partition → n.
    func planned() throws -> [Int32: Int64] {
        try numbers(#"^  \S+/(\d+): offsets \d+\.\.<\d+(?:, continuing at \d+)? \((\d+) messages\)"#).mapValues { $0[0] }
    }

    /// `topic/p: n messages committed …` → partition → n.
    func committed() throws -> [Int32: Int64] {
        try numbers(#"^  \S+/(\d+): (\d+) messages committed"#).mapValues { $0[0] }
    }

    /// `topic/p: offsets a..<b` → partition → a..<b.
    func ranges() throws -> [Int32: Range<Int64>] {
        try numbers(#"^  \S+/(\d+): offsets (\d+)\.\.<(\d+)"#).mapValues { $0[0]..<$0[1] }
    }

    /// The JSON progress lines, decoded (a line that starts like one must be one).
    func progressLines() throws -> [[String: Any]] {
        try lines.filter { $0.hasPrefix("{") }.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    private var lines: [String] { text.split(separator: "\n").map(String.init) }

    /// Lines matching `pattern`: first group the partition, the others numbers.
    private func numbers(_ pattern: String) throws -> [Int32: [Int64]] {
        let regex = try Regex(pattern)
        var result: [Int32: [Int64]] = [:]
        for line in lines {
            guard let match = line.firstMatch(of: regex) else { continue }
            let values = (1..<match.output.count).compactMap { match.output[$0].substring.flatMap { Int64($0) } }
            guard values.count == match.output.count - 1, let partition = values.first else { continue }
            result[Int32(partition)] = Array(values.dropFirst())
        }
        return result
    }
}
