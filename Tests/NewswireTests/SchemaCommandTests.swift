import Foundation
import Pipeline
import Testing
import TestSupport
@testable import newswire

/// Runs the built `newswire` binary: `schema list|show|check`, including a
/// broken copy of the schemas that must fail with the field in the reason.
@Suite(.timeLimit(.minutes(3))) struct SchemaCommandTests {
    private func newswire(_ arguments: [String]) async throws -> CommandRunner.Run {
        try await CommandRunner.run(arguments)
    }

    @Test func schemaIsASubcommand() {
        #expect(Newswire.configuration.subcommands.contains { ObjectIdentifier($0) == ObjectIdentifier(SchemaCommand.self) })
    }

    @Test func versionsParseAsOptionValues() {
        #expect(SchemaVersion(argument: "1.1") == SchemaVersion(major: 1, minor: 1))
        #expect(SchemaVersion(argument: "v2") == nil)
    }

    @Test func listPrintsEachSchemaWithItsVersions() async throws {
        let run = try await newswire(["schema", "list"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").contains("article.enriched    1.0 1.1 1.2 2.0 2.1"))
        #expect(run.stdout.split(separator: "\n").count == 7)
    }

    @Test func showPrintsTheFileByteForByte() async throws {
        let run = try await newswire(["schema", "show", "article.enriched@1.0"])
        #expect(run.status == 0, "\(run.stderr)")
        let file = Repository.schemas.appendingPathComponent("article.enriched/1.0.json")
        #expect(run.stdout == String(decoding: try Data(contentsOf: file), as: UTF8.self))
        let newest = try await newswire(["schema", "show", "article.enriched"])
        #expect(newest.stdout.contains("\"title\": \"article.enriched 2.1\""))
    }

    @Test func showOfAnUnknownVersionFailsReadably() async throws {
        let run = try await newswire(["schema", "show", "article.enriched@1.7"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("article.enriched has no version 1.7 (it has 1.0, 1.1, 1.2, 2.0, 2.1)."))
    }

    @Test func checkPassesOnTheBundledAndRepositorySchemas() async throws {
        for arguments in [["schema", "check"], ["schema", "check", "--dir", Repository.schemas.path]] {
            let run = try await newswire(arguments)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("schema check passed: 7 schemas, 15 versions"))
            #expect(run.stdout.contains("article.enriched 2.0: ok, new major; breaks 1.2"))
        }
    }

    @Test func checkFailsOnABrokenCopyNamingTheField() async throws {
        let scratch = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(scratch) }
        let copy = scratch.appendingPathComponent("Schemas")
        try FileManager.default.copyItem(at: Repository.schemas, to: copy)
        let file = copy.appendingPathComponent("article.enriched/1.2.json")
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "\"PLACE\",\n            \"EVENT\"", with: "\"PLACE\"")
        #expect(broken != text)
        try Data(broken.utf8).write(to: file)

        let run = try await newswire(["schema", "check", "--dir", copy.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains(
            "article.enriched 1.2: field \"entities[].type\" enum value \"EVENT\" removed (a 1.2 reader would reject 1.1 records that carry it)"
        ), "\(run.stderr)")
        #expect(run.stderr.contains("schema check failed: 1 problem(s)"))
    }
}
