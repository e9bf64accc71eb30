/// The record types `Schemas/` defines, by the name used in file paths, in
/// the `schema` field of records and in the `newswire-schema` header.
public enum SchemaName: String, Sendable, Hashable, CaseIterable, Codable {
    /// The optional JSON envelope on the input topic.
    case raw = "article.raw"
    case normalised = "article.normalised"
    case parsed = "article.parsed"
    case enriched = "article.enriched"
    /// The header set of a dead-letter message (its value is the input, unchanged).
    case deadLetter = "article.deadletter"
    /// The `/stats` document.
    case stats = "stats"
    /// What `newswire status --json` prints.
    case groupStatus = "group.status"
}
