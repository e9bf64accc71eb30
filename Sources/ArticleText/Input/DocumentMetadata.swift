/// Facts about an article that arrive beside its text: the JSON envelope's
/// fields, or HTML `<title>`, Open Graph, `article:` meta tags, JSON-LD and
/// `<time datetime>`. Dates are ISO 8601 strings as precise as the source.
/// Every field is optional: unknown stays `nil`, never guessed.
public struct DocumentMetadata: Sendable, Hashable, Codable {
    public var url: String?
    public var title: String?
    public var publishedAt: String?
    public var updatedAt: String?
    public var language: String?
    /// The site or outlet name (`og:site_name`, envelope `source`).
    public var outlet: String?
    public var author: String?
    /// When the crawler fetched the page (envelope `fetchedAt`).
    public var fetchedAt: String?

    public init(
        url: String? = nil, title: String? = nil, publishedAt: String? = nil, updatedAt: String? = nil,
        language: String? = nil, outlet: String? = nil, author: String? = nil, fetchedAt: String? = nil
    ) {
        self.url = url
        self.title = title
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.language = language
        self.outlet = outlet
        self.author = author
        self.fetchedAt = fetchedAt
    }
}
