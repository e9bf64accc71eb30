import Foundation
import Testing
import TestSupport

/// Issue 15, rows 2, 4 and 5: the binary copied alone into an empty folder
/// and run from another one carries its tables, schemas and examples;
/// `demo` ends cleanly (nothing on stderr).
@Suite(.timeLimit(.minutes(5)))
struct StandaloneBinaryTests {
    /// A copy of the binary in a fresh folder, with no resource bundle beside
    /// it. `cp` copies it, so no process of this test run ever holds the copy
    /// open for writing (a child forked meanwhile would inherit that
    /// descriptor, and executing the copy would fail with ETXTBSY).
    private static func lonelyBinary() async throws -> (binary: URL, folder: URL) {
        let folder = CommandRunner.temporaryFolder()
        let binary = folder.appendingPathComponent("newswire")
        let copy = try await CommandRunner.run([CommandRunner.binary.path, binary.path], executable: URL(fileURLWithPath: "/bin/cp"))
        try #require(copy.status == 0, "\(copy.stderr)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(beside == ["newswire"])
        return (binary, folder)
    }

    @Test func processesAnArticleWithItsOwnTables() async throws {
        let (binary, folder) = try await Self.lonelyBinary()
        defer { CommandRunner.remove(folder) }
        let text = "Council approves new library\n\nThe city council in Leeds approved the new library on Monday, 3 March 2025.\n"
        let run = try await CommandRunner.run(["process", "-"], executable: binary, stdin: Data(text.utf8), currentDirectory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        let record = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(record["title"] as? String == "Council approves new library")
        #expect(record["language"] as? String == "en")
        #expect((record["entities"] as? [Any])?.isEmpty == false)
    }

    @Test func listsAndChecksItsOwnSchemas() async throws {
        let (binary, folder) = try await Self.lonelyBinary()
        defer { CommandRunner.remove(folder) }
        let list = try await CommandRunner.run(["schema", "list"], executable: binary, currentDirectory: folder)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.split(separator: "\n").count == 7)
        let check = try await CommandRunner.run(["schema", "check"], executable: binary, currentDirectory: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("schema check passed: 7 schemas, 15 versions in the schemas built into this binary"))
    }

    @Test func demoRunsItsBuiltInExamplesAndEndsCleanly() async throws {
        let (binary, folder) = try await Self.lonelyBinary()
        defer { CommandRunner.remove(folder) }
        let run = try await CommandRunner.run(["demo"], executable: binary, currentDirectory: folder, deadline: .seconds(240))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.contains("Published 6 example(s) from the built-in examples to articles.raw"))
        #expect(run.stdout.contains("articles.enriched.v1: 6 record(s)"))
        #expect(run.stdout.contains("articles.dlq.v1: 1 dead letter(s)"))
        #expect(run.stdout.contains("bad-latin1.txt: invalid-utf8"))
    }
}
