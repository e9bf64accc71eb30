/// One thing `newswire schema check` refuses, naming the schema, the
/// version and (in `message`) the field.
public struct SchemaProblem: Sendable, Hashable, CustomStringConvertible {
    public var schema: String
    public var version: SchemaVersion?
    public var message: String

    public init(schema: String, version: SchemaVersion?, message: String) {
        self.schema = schema
        self.version = version
        self.message = message
    }

    public var description: String {
        version.map { "\(schema) \($0): \(message)" } ?? "\(schema): \(message)"
    }
}
