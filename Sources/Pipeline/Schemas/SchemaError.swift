/// Why a schema could not be used: a version the encoder does not know, a
/// record type without a topic, or a schema folder that cannot be read.
/// Each case reads as one sentence for a person.
public enum SchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    case unsupportedVersion(schema: SchemaName, version: SchemaVersion, supported: [SchemaVersion])
    case notAnArticleRecord(SchemaName)
    case noOutputTopic(SchemaName)
    case unreadableDirectory(path: String, reason: String)
    case unreadableFile(path: String, reason: String)
    case badFileName(path: String)
    case unknownSchema(name: String, known: [String])
    case unknownVersion(name: String, version: String, known: [SchemaVersion])

    public var description: String {
        switch self {
        case let .unsupportedVersion(schema, version, supported):
            let list = supported.map(\.description).joined(separator: ", ")
            return "\(schema.rawValue) has no version \(version) this build can write (it writes \(list))."
        case let .notAnArticleRecord(schema):
            return "\(schema.rawValue) is not an article record, so it cannot be encoded from one."
        case let .noOutputTopic(schema):
            return "\(schema.rawValue) is not published to a versioned output topic."
        case let .unreadableDirectory(path, reason):
            return "Cannot read the schema folder \(path): \(reason)."
        case let .unreadableFile(path, reason):
            return "Cannot read the schema file \(path): \(reason)."
        case let .badFileName(path):
            return "\(path) is not named NAME/MAJOR.MINOR.json, so it is not a schema version."
        case let .unknownSchema(name, known):
            return "There is no schema named \(name) (known: \(known.joined(separator: ", ")))."
        case let .unknownVersion(name, version, known):
            let list = known.map(\.description).joined(separator: ", ")
            return "\(name) has no version \(version) (it has \(list))."
        }
    }
}
