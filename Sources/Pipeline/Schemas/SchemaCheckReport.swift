/// What a check found: the problems (empty when it passed) and a line per
/// version saying what was verified.
public struct SchemaCheckReport: Sendable, Hashable {
    public var problems: [SchemaProblem]
    public var notes: [String]
    public var schemaCount: Int
    public var versionCount: Int

    public var passed: Bool { problems.isEmpty }
}
