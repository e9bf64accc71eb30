import ArticleText
import Foundation

/// Turns an `ArticleRecord` into the exact bytes of one schema version. This
/// is the only place that knows which fields each version has; the worker
/// and `newswire process --output-version` both call it, so a record is
/// written the same way online and offline. Output is deterministic (keys
/// sorted), so a replay of the same input gives byte-identical records.
public enum RecordEncoding {
    /// Versions this build can write, per record type, oldest first.
    public static let versions: [SchemaName: [SchemaVersion]] = [
        .normalised: [SchemaVersion(major: 1, minor: 0), SchemaVersion(major: 1, minor: 1)],
        .parsed: [SchemaVersion(major: 1, minor: 0), SchemaVersion(major: 1, minor: 1)],
        .enriched: [
            SchemaVersion(major: 1, minor: 0), SchemaVersion(major: 1, minor: 1), SchemaVersion(major: 1, minor: 2),
            SchemaVersion(major: 2, minor: 0), SchemaVersion(major: 2, minor: 1),
        ],
    ]

    /// Whether `schema` at `version` has the `sourceFile` field (added in
    /// article.normalised and article.parsed 1.1, article.enriched 1.2 and 2.1).
    public static func hasSourceFile(_ schema: SchemaName, version: SchemaVersion) -> Bool {
        switch (schema, version.major) {
        case (.normalised, 1), (.parsed, 1): version.minor >= 1
        case (.enriched, 1): version.minor >= 2
        case (.enriched, 2): version.minor >= 1
        default: false
        }
    }

    /// The newest version this build writes for `schema`, within `major` when given.
    public static func latest(_ schema: SchemaName, major: Int? = nil) -> SchemaVersion? {
        versions[schema, default: []].filter { major == nil || $0.major == major }.max()
    }

    /// The fields and entity layout of `schema` at `version`.
    public static func form(_ schema: SchemaName, version: SchemaVersion) throws(SchemaError) -> RecordForm {
        guard let known = versions[schema] else { throw .notAnArticleRecord(schema) }
        guard known.contains(version) else {
            throw .unsupportedVersion(schema: schema, version: version, supported: known)
        }
        switch (schema, version.major, version.minor) {
        case (.enriched, 1, 0):
            return RecordForm.full.removing([.languageConfidence, .script, .numbers])
        case (.enriched, 2, _):
            return RecordForm(fields: RecordForm.full.fields, entityLayout: .groupedByEntity)
        default:
            return .full
        }
    }

    /// The JSON bytes of `record` as `schema` at `version`. The record's
    /// `schema` and `schemaVersion` fields are set from the arguments, and
    /// fields a stage cannot know yet are written as `null`. `sourceFile`
    /// (where `newswire process` read the input) is written by the versions
    /// that have the field, as `null` when not given.
    public static func encode(
        _ record: ArticleRecord, schema: SchemaName, version: SchemaVersion, sourceFile: SourceFile? = nil
    ) throws -> [UInt8] {
        let form = try form(schema, version: version)
        var shaped = record.keepingFields(knownAt: schema)
        shaped.schema = schema.rawValue
        shaped.schemaVersion = version.description
        // The bytes JSONEncoder (.sortedKeys, .withoutEscapingSlashes) writes
        // for `encode(to:form:)`, written directly (see `jsonBytes(form:)`),
        // plus `sourceFile` when the version has it.
        guard hasSourceFile(schema, version: version) else { return shaped.jsonBytes(form: form) }
        return shaped.jsonBytes(form: form, extraFields: [(key: "sourceFile", json: try sourceFileJSON(sourceFile))])
    }

    /// `sourceFile`'s value as JSONEncoder writes it inside a record: `null`
    /// when not given.
    private static func sourceFileJSON(_ file: SourceFile?) throws -> [UInt8] {
        guard let file else { return Array("null".utf8) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(file))
    }
}

extension ArticleRecord {
    /// This record with the fields a later stage fills set to `nil`, so a
    /// normalised or parsed record never claims more than its stage knows.
    fileprivate func keepingFields(knownAt schema: SchemaName) -> ArticleRecord {
        var record = self
        if schema == .normalised {
            record.parentId = nil
            record.agency = nil
            record.dateline = nil
            record.paragraphs = nil
            record.related = nil
        }
        if schema == .normalised || schema == .parsed {
            record.languageConfidence = nil
            record.script = nil
            record.entities = nil
            record.quotes = nil
            record.numbers = nil
            record.topics = nil
            record.keywords = nil
            record.readingTimeSeconds = nil
            record.fingerprint = nil
        }
        return record
    }
}
