/// One schema file: its name and version (from its path,
/// `NAME/MAJOR.MINOR.json`), its exact bytes and its parsed JSON.
public struct SchemaDocument: Sendable, Hashable {
    public var name: String
    public var version: SchemaVersion
    /// Where it was read from (a file path, or its place in the binary's copy).
    public var path: String
    public var bytes: [UInt8]
    public var root: JSONValue

    public init(name: String, version: SchemaVersion, path: String, bytes: [UInt8], root: JSONValue) {
        self.name = name
        self.version = version
        self.path = path
        self.bytes = bytes
        self.root = root
    }

    /// `name version`, as messages name a schema.
    public var label: String { "\(name) \(version)" }
}
