/// One line of a labels file shaped like `shared/corpus/labels-dev.jsonl` or
/// the project's own `Corpus/labels-*.jsonl`.
public struct GoldLabel: Sendable, Hashable, Decodable {
    /// Path of the text, relative to the folder the evaluation is given.
    public var file: String
    /// `text` or `html`; a missing value means text.
    public var format: String?
    public var language: String?
    public var outlet: String?
    public var title: String?
    public var published: String?
    public var updated: String?
    public var sourceAgency: String?
    public var dateline: String?
    public var hasRelatedBlock: Bool?
    public var entities: [String]?
    /// The labelled names with their types (PER, LOC, ORG, EVENT).
    public var entitiesTyped: [TypedName]?
    /// Whether `entitiesTyped` lists every name of the text, so that a name
    /// found outside it is a false positive (precision is measured only then).
    public var entitiesExhaustive: Bool?
    /// Articles appended after a "read also" block, each to become its own record.
    public var appendedArticles: [AppendedLabel]?

    /// The label of an appended article.
    public struct AppendedLabel: Sendable, Hashable, Decodable {
        public var title: String?
        public var published: String?
    }

    /// A labelled name: its text exactly as written and its type.
    public struct TypedName: Sendable, Hashable, Decodable {
        public var text: String
        public var type: String
    }

    private enum CodingKeys: String, CodingKey {
        case file, format, language, outlet, title, published, updated, dateline, entities
        case sourceAgency = "source_agency"
        case hasRelatedBlock = "has_related_block"
        case appendedArticles = "appended_articles"
        case entitiesTyped = "entities_typed"
        case entitiesExhaustive = "entities_exhaustive"
    }
}
