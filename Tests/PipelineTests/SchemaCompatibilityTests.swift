import Foundation
import Testing
@testable import Pipeline
import TestSupport

/// Breaks a copy of Schemas/ in each way `schema check` must refuse, and
/// expects a problem naming the version and the field.
@Suite(.timeLimit(.minutes(5))) struct SchemaCompatibilityTests {
    /// One way to break a copy of the schemas, and what the check must say.
    struct Breakage: Sendable, CustomStringConvertible {
        var description: String
        var expected: String
        var apply: @Sendable (URL) throws -> Void
    }

    static let breakages: [Breakage] = [
        Breakage(description: "required field added", expected: "article.enriched 1.1: field \"numbers\" became required") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                let required = (root["required"]?.arrayValue ?? []) + [.string("numbers")]
                root.set(["required"], .array(required))
            }
        },
        Breakage(description: "field removed", expected: "article.enriched 1.1: field \"keywords\" removed") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["properties", "keywords"], nil)
                root.set(["required"], .array((root["required"]?.arrayValue ?? []).filter { $0 != .string("keywords") }))
            }
        },
        Breakage(description: "field retyped", expected: "article.enriched 1.1: field \"readingTimeSeconds\" retyped from integer or null to null or string") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["properties", "readingTimeSeconds", "type"], .array([.string("string"), .string("null")]))
            }
        },
        Breakage(description: "enum value removed", expected: "article.enriched 1.1: field \"entities[].type\" enum value \"EVENT\" removed") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["$defs", "entity", "properties", "type", "enum"], .array(["PERSON", "ORG", "PLACE"].map(JSONValue.string)))
            }
        },
        Breakage(description: "additionalProperties tightened", expected: "article.enriched 1.1: field \"entities[]\" additionalProperties tightened from true to false") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["$defs", "entity", "additionalProperties"], .bool(false))
            }
        },
        Breakage(description: "enum value added", expected: "article.enriched 1.1: field \"entities[].type\" enum value \"PRODUCT\" added") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                let values = (root.at(["$defs", "entity", "properties", "type", "enum"])?.arrayValue ?? []) + [.string("PRODUCT")]
                root.set(["$defs", "entity", "properties", "type", "enum"], .array(values))
            }
        },
        Breakage(description: "nested pattern changed behind anyOf and $ref", expected: "article.enriched 1.1: field \"fingerprint.simhash\" constraint \"pattern\" changed") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["$defs", "fingerprint", "properties", "simhash", "pattern"], .string("^[0-9a-f]{32}$"))
            }
        },
        Breakage(description: "major bump that breaks nothing", expected: "article.enriched 3.0: major version not needed: nothing in it breaks 2.1 (release it as 2.2)") { dir in
            let folder = dir.appendingPathComponent("article.enriched")
            try FileManager.default.copyItem(at: folder.appendingPathComponent("2.1.json"), to: folder.appendingPathComponent("3.0.json"))
            try SchemaFixtures.editSchema(dir, "article.enriched", "3.0") { root in
                root.set(["$id"], .string("https://newswire.invalid/schemas/article.enriched/3.0.json"))
                root.set(["title"], .string("article.enriched 3.0"))
                root.set(["properties", "schemaVersion", "pattern"], .string("^3\\.(0|[1-9][0-9]*)$"))
                root.set(["properties", "keywords", "description"], .string("Reworded, which breaks nothing."))
            }
        },
        Breakage(description: "field without a description", expected: "article.enriched 1.1: field \"$defs.quote.speaker\" has no description") { dir in
            try SchemaFixtures.editSchema(dir, "article.enriched", "1.1") { root in
                root.set(["$defs", "quote", "properties", "speaker", "description"], nil)
            }
        },
        Breakage(description: "version missing from the sequence", expected: "article.enriched 1.4: version out of sequence after 1.2 (expected 1.3 or 2.0)") { dir in
            let folder = dir.appendingPathComponent("article.enriched")
            try FileManager.default.copyItem(at: folder.appendingPathComponent("1.2.json"), to: folder.appendingPathComponent("1.4.json"))
        },
    ]

    @Test func theRepositorySchemasPass() throws {
        let report = SchemaCheck.run(try SchemaLibrary(directory: Repository.schemas))
        #expect(report.problems.map(\.description) == [])
        #expect(report.versionCount == 15)
        #expect(report.notes.contains { $0.hasPrefix("article.enriched 2.0: ok, new major; breaks 1.2") && $0.contains("\"entities[].start\" removed") })
        #expect(report.notes.contains("article.enriched 1.1: ok, compatible with 1.0; adds optional \"languageConfidence\", \"numbers\", \"script\""))
    }

    @Test(arguments: breakages)
    func aBrokenCopyFailsNamingTheField(_ breakage: Breakage) throws {
        let (scratch, copy) = try SchemaFixtures.copyOfSchemas()
        defer { CommandRunner.remove(scratch) }
        try breakage.apply(copy)
        let report = SchemaCheck.run(try SchemaLibrary(directory: copy))
        #expect(!report.passed)
        let messages = report.problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix(breakage.expected) }, "got: \(messages)")
    }

    @Test func aFieldAddedToAClosedObjectBreaksOldReaders() {
        let old = JSONValue.object([
            "type": .string("object"), "required": .array([]), "additionalProperties": .bool(false),
            "properties": .object(["a": .object(["type": .string("string")])]),
        ])
        var new = old
        new.set(["properties", "b"], .object(["type": .string("string")]))
        let changes = SchemaCompatibility.changes(from: old, oldVersion: "1.0", to: new, newVersion: "1.1")
        #expect(changes.map(\.kind) == [.fieldAddedToClosedObject])
        #expect(changes.first?.description == "field \"b\" added where 1.0 allows no unknown fields (a 1.0 reader would reject 1.1 records carrying it)")
    }

    @Test func anOptionalFieldAddedToAnOpenObjectIsCompatible() {
        let old = JSONValue.object(["type": .string("object"), "required": .array([]), "properties": .object([:])])
        var new = old
        new.set(["properties", "extra"], .object(["type": .string("integer"), "description": .string("new")]))
        let changes = SchemaCompatibility.changes(from: old, oldVersion: "1.0", to: new, newVersion: "1.1")
        #expect(changes.map(\.kind) == [.fieldAdded])
        #expect(changes.allSatisfy { !$0.isBreaking })
    }

    @Test func annotationsDoNotCount() {
        let old = JSONValue.object(["type": .string("string"), "description": .string("old words"), "title": .string("x")])
        let new = JSONValue.object(["type": .string("string"), "description": .string("new words")])
        #expect(SchemaCompatibility.changes(from: old, oldVersion: "1.0", to: new, newVersion: "1.1").isEmpty)
    }

    @Test func anUnresolvableReferenceIsReported() {
        let old = JSONValue.object(["properties": .object(["a": .object(["$ref": .string("#/$defs/missing")])])])
        let changes = SchemaCompatibility.changes(from: old, oldVersion: "1.0", to: old, newVersion: "1.1")
        #expect(changes.contains { $0.kind == .unresolvedReference && $0.path == "a" })
    }
}
