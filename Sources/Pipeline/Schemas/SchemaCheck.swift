/// The rules of `newswire schema check` over a whole schema folder: each
/// file's form (`SchemaLint`), versions numbered without gaps from `N.0`,
/// every minor version compatible both ways with the one before
/// (`SchemaCompatibility`), and every major version really breaking
/// something in the previous major's last version.
public enum SchemaCheck {
    /// Fields that carry the version itself: their pattern names the major,
    /// so their change alone never justifies a major bump.
    static let versionFields: Set<String> = ["schemaVersion", "newswire-schema-version"]

    public static func run(_ library: SchemaLibrary) -> SchemaCheckReport {
        var problems: [SchemaProblem] = []
        var notes: [String] = []
        for name in library.names {
            let documents = library.documents.filter { $0.name == name }
            problems += sequenceProblems(name, documents.map(\.version))
            var previous: SchemaDocument?
            for document in documents {
                for message in SchemaLint.problems(in: document) {
                    problems.append(SchemaProblem(schema: name, version: document.version, message: message))
                }
                guard let before = previous else {
                    notes.append("\(document.label): ok")
                    previous = document
                    continue
                }
                let changes = SchemaCompatibility.changes(from: before, to: document)
                if before.version.major == document.version.major {
                    let breaking = changes.filter(\.isBreaking)
                    for change in breaking {
                        problems.append(SchemaProblem(schema: name, version: document.version, message: change.description))
                    }
                    if breaking.isEmpty {
                        let added = changes.filter { $0.kind == .fieldAdded }.map { "\"\($0.path)\"" }
                        let adds = added.isEmpty ? "" : "; adds optional \(added.joined(separator: ", "))"
                        notes.append("\(document.label): ok, compatible with \(before.version)\(adds)")
                    }
                } else {
                    let breaking = changes.filter { $0.isBreaking && !versionFields.contains($0.path) }
                    if breaking.isEmpty {
                        let next = SchemaVersion(major: before.version.major, minor: before.version.minor + 1)
                        problems.append(SchemaProblem(
                            schema: name, version: document.version,
                            message: "major version not needed: nothing in it breaks \(before.version) (release it as \(next))"
                        ))
                    } else {
                        let list = breaking.map(\.description).joined(separator: "; ")
                        notes.append("\(document.label): ok, new major; breaks \(before.version) as a major may: \(list)")
                    }
                }
                previous = document
            }
        }
        return SchemaCheckReport(
            problems: problems, notes: notes, schemaCount: library.names.count, versionCount: library.documents.count
        )
    }

    /// Versions must run N.0, N.1, … within a major and majors must follow
    /// each other, so no published version is missing from the folder.
    static func sequenceProblems(_ name: String, _ versions: [SchemaVersion]) -> [SchemaProblem] {
        var problems: [SchemaProblem] = []
        var previous: SchemaVersion?
        for version in versions {
            let expected: [SchemaVersion]
            if let previous {
                expected = [
                    SchemaVersion(major: previous.major, minor: previous.minor + 1),
                    SchemaVersion(major: previous.major + 1, minor: 0),
                ]
            } else {
                expected = [SchemaVersion(major: version.major, minor: 0)]
            }
            if !expected.contains(version) {
                let after = previous.map { "after \($0)" } ?? "as the first version"
                let allowed = expected.map(\.description).joined(separator: " or ")
                problems.append(SchemaProblem(
                    schema: name, version: version, message: "version out of sequence \(after) (expected \(allowed))"
                ))
            }
            previous = version
        }
        return problems
    }
}
