import Foundation
import Pipeline
import TestSupport

/// Schema files to break and records to validate, for the schema tests:
/// copies of `Schemas/`, edits to one file, and the independent validator
/// (Python `jsonschema` through `Scripts/validate-records.sh`).
enum SchemaFixtures {
    /// Runs `Scripts/validate-records.sh` on JSON Lines.
    static func validate(_ lines: [[UInt8]], arguments: [String]) async throws -> CommandRunner.Run {
        var input: [UInt8] = []
        for line in lines { input += line + [UInt8(ascii: "\n")] }
        let script = Repository.script("validate-records.sh").path
        return try await CommandRunner.run(
            [script] + arguments, executable: URL(fileURLWithPath: "/bin/bash"), stdin: Data(input),
            environment: ["NEWSWIRE_PYTHON": Repository.python]
        )
    }

    /// A copy of `Schemas/` to break, in a scratch folder the caller removes.
    static func copyOfSchemas() throws -> (scratch: URL, schemas: URL) {
        let scratch = CommandRunner.temporaryFolder()
        let copy = scratch.appendingPathComponent("Schemas")
        try FileManager.default.copyItem(at: Repository.schemas, to: copy)
        return (scratch, copy)
    }

    /// Rewrites `NAME/VERSION.json` under `directory` through `edit`.
    static func editSchema(_ directory: URL, _ name: String, _ version: String, _ edit: (inout JSONValue) -> Void) throws {
        let file = directory.appendingPathComponent(name).appendingPathComponent("\(version).json")
        var root = try JSONValue(parsing: Array(try Data(contentsOf: file)))
        edit(&root)
        try write(root, to: file)
    }

    static func write(_ value: JSONValue, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(value).write(to: file)
    }
}

extension JSONValue {
    /// Sets (or with `nil` removes) the member at `path` of nested objects.
    mutating func set(_ path: [String], _ value: JSONValue?) {
        guard case var .object(members) = self, let key = path.first else { return }
        if path.count == 1 {
            members[key] = value
        } else {
            var child = members[key] ?? .object([:])
            child.set(Array(path.dropFirst()), value)
            members[key] = child
        }
        self = .object(members)
    }

    /// The value at `path` of nested objects.
    func at(_ path: [String]) -> JSONValue? {
        var node: JSONValue? = self
        for key in path { node = node?[key] }
        return node
    }
}
