import Foundation
import Testing
import TestSupport

/// `newswire process` as a user runs it: records on stdout, readable errors
/// on stderr with a non-zero exit, and every record of the whole shared
/// corpus valid against its schema by an independent validator.
@Suite(.timeLimit(.minutes(10))) struct ProcessCommandTests {
    @Test func printsOneRecordPerArticleOfTheExamples() async throws {
        let example = Repository.examples.appendingPathComponent("ar-two-articles.txt").path
        let run = try await CommandRunner.run(["process", example])
        #expect(run.status == 0, "\(run.stderr)")
        let records = try run.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(records.count == 2)
        #expect(records.first?["title"] as? String == "وزير النقل يفتتح الطريق الساحلي الجديد بين المدينتين")
        #expect(records.first?["publishedAt"] as? String == "2025-03-07")
        #expect(records.last?["parentId"] as? String == records.first?["id"] as? String)
    }

    @Test func sameInputGivesByteIdenticalRecords() async throws {
        let example = Repository.examples.appendingPathComponent("en-wire-story.txt").path
        let first = try await CommandRunner.run(["process", example])
        let second = try await CommandRunner.run(["process", example])
        #expect(first.status == 0)
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func readsStandardInput() async throws {
        let text = "Council approves new library\nThe city council approved the new library on Monday.\n"
        let run = try await CommandRunner.run(["process", "--stage", "parse", "-"], stdin: Data(text.utf8))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"title\":\"Council approves new library\""))
    }

    @Test func badInputIsReportedWithItsReasonAndAFailingExit() async throws {
        let bad = Repository.examples.appendingPathComponent("bad-latin1.txt").path
        let run = try await CommandRunner.run(["process", bad])
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("bad-latin1.txt: normalise failed (invalid-utf8)"), "\(run.stderr)")
    }

    @Test(arguments: [
        (["process", "/no/such/file.txt"], "'/no/such/file.txt' does not exist"),
        (["process", "--stage", "tokenise", "x"], "tokenise"),
        (["process", "--output-version", "9.9", "-"], "--output-version '9.9' is not a version this build writes"),
        (["publish", "--topic", "t", "x"], "publish needs --brokers"),
        (["publish", "--brokers", "localhost", "--topic", "t", "Examples"], "'localhost' in 'localhost' has no port"),
        (["broker", "--topic", "bad name"], "'bad name' is not a valid topic name"),
        (["run", "--guarantee", "exactly-once"], "not available in this build"),
    ])
    func badArgumentsSayWhatIsWrong(arguments: [String], expected: String) async throws {
        let run = try await CommandRunner.run(arguments)
        #expect(run.status != 0)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test func unreachableBrokerFailsWithinTheTimeout() async throws {
        let started = ContinuousClock.now
        let run = try await CommandRunner.run(["status", "--brokers", "127.0.0.1:1", "--timeout", "2"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("nothing listens at 127.0.0.1:1"), "\(run.stderr)")
        // A bound against a hang, not a speed target: the call itself waits 2 s.
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    /// Issue 5: every record `process` writes for the whole corpus validates,
    /// at each stage and each enriched version, with Python's jsonschema.
    @Test(.needsSharedCorpus, arguments: [
        ("normalise", "1.2"), ("parse", "1.2"), ("enrich", "1.0"), ("enrich", "1.1"), ("enrich", "1.2"), ("enrich", "2.0"), ("enrich", "2.1"),
    ])
    func corpusRecordsValidateAgainstTheirSchemas(stage: String, version: String) async throws {
        let articles = try SharedCorpus.url("corpus/articles")
        let run = try await CommandRunner.run(["process", "--stage", stage, "--output-version", version, articles.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count >= 38)
        let validator = Repository.script("validate-records.sh")
        let check = try await CommandRunner.run(["--strict", "--schemas", Repository.schemas.path],
                                          executable: validator, stdin: Data(run.stdout.utf8))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
