/// One article found by the parse stage. An input can yield several: an
/// appended full article after a "read also" block becomes its own
/// `ParsedArticle` with `parentId` set to the first one's `id`.
public struct ParsedArticle: Sendable, Hashable {
    /// Stable id: from the canonical URL when known, else from the normalised content.
    public var id: String
    public var parentId: String?
    public var title: String?
    /// ISO 8601: a date, or a date and time with offset, as precise as the source.
    public var publishedAt: String?
    public var updatedAt: String?
    public var outlet: String?
    public var agency: String?
    public var dateline: String?
    public var url: String?
    /// Language declared by the input (envelope or `<html lang>`), if any.
    public var declaredLanguage: String?
    public var paragraphs: [String]
    /// Headlines of "read also"/related blocks.
    public var related: [String]

    public init(
        id: String, parentId: String? = nil, title: String? = nil, publishedAt: String? = nil,
        updatedAt: String? = nil, outlet: String? = nil, agency: String? = nil, dateline: String? = nil,
        url: String? = nil, declaredLanguage: String? = nil, paragraphs: [String], related: [String] = []
    ) {
        self.id = id
        self.parentId = parentId
        self.title = title
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.outlet = outlet
        self.agency = agency
        self.dateline = dateline
        self.url = url
        self.declaredLanguage = declaredLanguage
        self.paragraphs = paragraphs
        self.related = related
    }

    /// The paragraphs joined by blank lines; entity offsets point into this.
    public var text: String { paragraphs.joined(separator: "\n\n") }
}
