/// One difference between two versions of a schema, at a field path such as
/// `entities[].type` (`[]` steps into array items, `.*` into
/// `additionalProperties`). Every kind but `fieldAdded` breaks readers of
/// one version or the other.
public struct SchemaChange: Sendable, Hashable, CustomStringConvertible {
    /// What kind of change it is; messages and tests key on it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An optional field added to an open object: compatible.
        case fieldAdded
        case fieldRemoved
        case fieldAddedToClosedObject
        case requiredAdded
        case requiredRemoved
        case retyped
        case enumValueRemoved
        case enumValueAdded
        case constraintChanged
        case additionalPropertiesTightened
        case additionalPropertiesLoosened
        case compositionChanged
        case unresolvedReference
    }

    public var kind: Kind
    /// Field path; empty for the top level.
    public var path: String
    /// One readable sentence, naming the field and who would break.
    public var description: String

    public init(kind: Kind, path: String, description: String) {
        self.kind = kind
        self.path = path
        self.description = description
    }

    public var isBreaking: Bool { kind != .fieldAdded }

    /// How messages name a path: `field "entities[].type"`, or `the top level`.
    static func label(_ path: String) -> String {
        path.isEmpty ? "the top level" : "field \"\(path)\""
    }
}
