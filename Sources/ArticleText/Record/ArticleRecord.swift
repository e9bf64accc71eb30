/// The record every output topic carries (JSON, camelCase). The normalised
/// and parsed records are this record with fewer fields filled; fields the
/// stage has not reached, or the text does not state, encode as `null`,
/// never guessed and never silently missing.
public struct ArticleRecord: Sendable, Hashable, Codable {
    public var id: String
    public var parentId: String?
    /// `article.normalised`, `article.parsed` or `article.enriched`.
    public var schema: String
    public var schemaVersion: String
    public var language: String?
    public var title: String?
    public var publishedAt: String?
    public var updatedAt: String?
    public var outlet: String?
    public var agency: String?
    public var dateline: String?
    public var url: String?
    public var paragraphs: [String]?
    public var text: String
    public var searchText: String
    public var related: [String]?
    public var entities: [Entity]?
    public var quotes: [Quote]?
    public var numbers: [NumberMention]?
    public var topics: [TopicScore]?
    public var keywords: [String]?
    public var readingTimeSeconds: Int?
    public var fingerprint: Fingerprint?
    public var source: SourcePosition?
    public var pipelineVersion: String

    public init(
        id: String, parentId: String? = nil, schema: String, schemaVersion: String, language: String? = nil,
        title: String? = nil, publishedAt: String? = nil, updatedAt: String? = nil, outlet: String? = nil,
        agency: String? = nil, dateline: String? = nil, url: String? = nil, paragraphs: [String]? = nil,
        text: String, searchText: String, related: [String]? = nil, entities: [Entity]? = nil,
        quotes: [Quote]? = nil, numbers: [NumberMention]? = nil, topics: [TopicScore]? = nil,
        keywords: [String]? = nil, readingTimeSeconds: Int? = nil, fingerprint: Fingerprint? = nil,
        source: SourcePosition? = nil, pipelineVersion: String
    ) {
        self.id = id
        self.parentId = parentId
        self.schema = schema
        self.schemaVersion = schemaVersion
        self.language = language
        self.title = title
        self.publishedAt = publishedAt
        self.updatedAt = updatedAt
        self.outlet = outlet
        self.agency = agency
        self.dateline = dateline
        self.url = url
        self.paragraphs = paragraphs
        self.text = text
        self.searchText = searchText
        self.related = related
        self.entities = entities
        self.quotes = quotes
        self.numbers = numbers
        self.topics = topics
        self.keywords = keywords
        self.readingTimeSeconds = readingTimeSeconds
        self.fingerprint = fingerprint
        self.source = source
        self.pipelineVersion = pipelineVersion
    }

    private enum CodingKeys: String, CodingKey {
        case id, parentId, schema, schemaVersion, language, title, publishedAt, updatedAt, outlet, agency
        case dateline, url, paragraphs, text, searchText, related, entities, quotes, numbers, topics
        case keywords, readingTimeSeconds, fingerprint, source, pipelineVersion
    }

    /// Encodes every field, writing `null` for unknown ones, so consumers can
    /// tell "not stated" from "field missing".
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(parentId, forKey: .parentId)
        try c.encode(schema, forKey: .schema)
        try c.encode(schemaVersion, forKey: .schemaVersion)
        try c.encode(language, forKey: .language)
        try c.encode(title, forKey: .title)
        try c.encode(publishedAt, forKey: .publishedAt)
        try c.encode(updatedAt, forKey: .updatedAt)
        try c.encode(outlet, forKey: .outlet)
        try c.encode(agency, forKey: .agency)
        try c.encode(dateline, forKey: .dateline)
        try c.encode(url, forKey: .url)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(text, forKey: .text)
        try c.encode(searchText, forKey: .searchText)
        try c.encode(related, forKey: .related)
        try c.encode(entities, forKey: .entities)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(numbers, forKey: .numbers)
        try c.encode(topics, forKey: .topics)
        try c.encode(keywords, forKey: .keywords)
        try c.encode(readingTimeSeconds, forKey: .readingTimeSeconds)
        try c.encode(fingerprint, forKey: .fingerprint)
        try c.encode(source, forKey: .source)
        try c.encode(pipelineVersion, forKey: .pipelineVersion)
    }
}
