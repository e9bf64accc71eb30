/// One line of a labels file shaped like `shared/corpus/labels-dev.jsonl`.
public struct GoldLabel: Sendable, Hashable, Decodable {
    public var file: String
    public var language: String?
    public var title: String?
    public var published: String?
    public var updated: String?
    public var sourceAgency: String?
    public var dateline: String?
    public var hasRelatedBlock: Bool?
    public var entities: [String]?
    /// Articles appended after a "read also" block, each to become its own record.
    public var appendedArticles: [AppendedLabel]?

    /// The label of an appended article.
    public struct AppendedLabel: Sendable, Hashable, Decodable {
        public var title: String?
        public var published: String?
    }

    private enum CodingKeys: String, CodingKey {
        case file, language, title, published, updated, dateline, entities
        case sourceAgency = "source_agency"
        case hasRelatedBlock = "has_related_block"
        case appendedArticles = "appended_articles"
    }
}
