/// Names the topic each record type and major version goes to:
/// `articles.enriched.v1`, `articles.enriched.v2`, `articles.dlq.v1`. The
/// major version is in the name so a breaking change gets new topics, filled
/// by a replay while the old ones keep flowing.
public struct OutputTopics: Sendable, Hashable {
    /// First part of every topic name (`articles`).
    public var prefix: String

    public init(prefix: String = "articles") {
        self.prefix = prefix
    }

    /// The topic for `schema` at `version`'s major version.
    public func topic(for schema: SchemaName, version: SchemaVersion) throws(SchemaError) -> String {
        try topic(for: schema, major: version.major)
    }

    /// The topic for `schema` at major version `major`.
    public func topic(for schema: SchemaName, major: Int) throws(SchemaError) -> String {
        let stem: String
        switch schema {
        case .normalised: stem = "normalised"
        case .parsed: stem = "parsed"
        case .enriched: stem = "enriched"
        case .deadLetter: stem = "dlq"
        case .raw, .stats, .groupStatus: throw .noOutputTopic(schema)
        }
        return "\(prefix).\(stem).v\(major)"
    }

    /// The dead-letter topic, `articles.dlq.v1`.
    public var deadLetter: String { "\(prefix).dlq.v1" }
}
