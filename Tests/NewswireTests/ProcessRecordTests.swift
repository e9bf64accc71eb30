import Foundation
import Testing
import TestSupport

/// Issue 15, rows 6, 7, 8 and 16: `process` records name their input file
/// (and line), a `.json` input that does not parse is an error, every
/// stage keys an article the same, and an empty folder is a failure.
@Suite(.timeLimit(.minutes(3)))
struct ProcessRecordTests {
    private static func records(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func recordsNameTheirInputFile() async throws {
        let run = try await CommandRunner.run(["process", "Examples/"], currentDirectory: Repository.root)
        let records = try Self.records(run.stdout)
        #expect(records.count == 6)
        let paths = records.compactMap { ($0["sourceFile"] as? [String: Any])?["path"] as? String }
        #expect(paths == [
            "Examples/ar-maghreb-dates.txt", "Examples/ar-page.html", "Examples/ar-two-articles.txt",
            "Examples/ar-two-articles.txt", "Examples/en-envelope.json", "Examples/en-wire-story.txt",
        ])
        #expect(records.allSatisfy { $0["schemaVersion"] as? String == "1.2" && $0["source"] is NSNull })
    }

    @Test func jsonLinesRecordsNameTheirLine() async throws {
        let folder = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(folder) }
        let envelope = #"{"schema":"article.raw","schemaVersion":"1.0","body":"Harbour reopens\n\nThe harbour in Tyre reopened on Sunday after repairs.","contentType":"text/plain"}"#
        let feed = folder.appendingPathComponent("feed.jsonl")
        try Data((envelope + "\n\n" + envelope + "\n").utf8).write(to: feed)
        let run = try await CommandRunner.run(["process", "--lines", "--stage", "parse", feed.path])
        #expect(run.status == 0, "\(run.stderr)")
        let sources = try Self.records(run.stdout).compactMap { $0["sourceFile"] as? [String: Any] }
        #expect(sources.map { $0["line"] as? Int } == [1, 3])
        #expect(sources.allSatisfy { $0["path"] as? String == feed.path })
    }

    @Test func aJSONFileThatDoesNotParseIsAnError() async throws {
        let folder = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(folder) }
        let envelope = try Data(contentsOf: Repository.root.appendingPathComponent("Examples/en-envelope.json"))
        let truncated = folder.appendingPathComponent("truncated.json")
        try envelope.prefix(100).write(to: truncated)
        let run = try await CommandRunner.run(["process", truncated.path])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines == [
            "newswire: \(truncated.path): normalise failed (invalid-envelope): the input was declared JSON but does not parse as JSON",
            "Error: 1 of 1 input(s) could not be processed (reasons above)",
        ])
    }

    @Test func aJSONLinesFileNeedsLines() async throws {
        let folder = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(folder) }
        let feed = folder.appendingPathComponent("feed.jsonl")
        try Data(#"{"schema":"article.raw","schemaVersion":"1.0","body":"One line"}"#.utf8 + [0x0A]).write(to: feed)
        let run = try await CommandRunner.run(["process", feed.path])
        #expect(run.status == 1)
        #expect(run.stderrLines.first == "newswire: \(feed.path): a JSON Lines file is read one line per input; pass --lines")
    }

    @Test func everyStageKeysAnArticleTheSame() async throws {
        let single = Repository.root.appendingPathComponent("Examples/en-wire-story.txt").path
        var ids: [String: [String]] = [:]
        for stage in ["normalise", "parse", "enrich"] {
            let run = try await CommandRunner.run(["process", "--stage", stage, single])
            ids[stage] = try Self.records(run.stdout).compactMap { $0["id"] as? String }
        }
        #expect(ids["normalise"]?.count == 1)
        #expect(ids["normalise"] == ids["parse"])
        #expect(ids["parse"] == ids["enrich"])
    }

    @Test func theNormalisedRecordOfSeveralArticlesIsKeyedByTheFirst() async throws {
        let two = Repository.root.appendingPathComponent("Examples/ar-two-articles.txt").path
        let normalised = try Self.records(try await CommandRunner.run(["process", "--stage", "normalise", two]).stdout)
        let parsed = try Self.records(try await CommandRunner.run(["process", "--stage", "parse", two]).stdout)
        #expect(normalised.count == 1)
        #expect(parsed.count == 2)
        #expect(normalised.first?["id"] as? String == parsed.first?["id"] as? String)
        #expect(parsed.last?["parentId"] as? String == parsed.first?["id"] as? String)
    }

    @Test func anEmptyFolderIsAFailure() async throws {
        let folder = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(folder) }
        let process = try await CommandRunner.run(["process", folder.path])
        #expect(process.status == 1)
        #expect(process.stderrLines == [
            "Error: the folder '\(folder.path)' has no files to read (hidden files, README.md and subfolders are skipped); give a folder of article files"
        ])
        let check = try await CommandRunner.run(["schema", "check", "--dir", folder.path])
        #expect(check.status == 1)
        #expect(check.stderrLines == [
            "Error: no schemas in \(folder.path): expected files laid out as NAME/MAJOR.MINOR.json, e.g. article.enriched/1.0.json; check --dir"
        ])
    }
}
