/// The record every output topic carries (JSON, camelCase). The normalised
/// and parsed records are this record with fewer fields filled; fields the
/// stage has not reached, or the text does not state, encode as `null`,
/// never guessed and never silently missing. `Schemas/` holds the contract
/// of each form; `RecordForm` picks which fields a given schema version has.
public struct ArticleRecord: Sendable, Hashable, Codable {
    public var id: String
    public var parentId: String?
    /// `article.normalised`, `article.parsed` or `article.enriched`.
    public var schema: String
    public var schemaVersion: String
    public var language: String?
    /// Confidence of a detected `language`, 0...1; `nil` when declared or unknown.
    public var languageConfidence: Double?
    /// ISO 15924 code of the dominant script, e.g. `Arab`.
    public var script: String?
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
        languageConfidence: Double? = nil, script: String? = nil,
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
        self.languageConfidence = languageConfidence
        self.script = script
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

    /// The record's JSON field names, in the order they are written.
    public enum Field: String, CodingKey, CaseIterable, Sendable, Hashable {
        case id, parentId, schema, schemaVersion, language, languageConfidence, script, title, publishedAt
        case updatedAt, outlet, agency, dateline, url, paragraphs, text, searchText, related, entities, quotes
        case numbers, topics, keywords, readingTimeSeconds, fingerprint, source, pipelineVersion
    }

    /// Reads any form: fields a version does not have decode as `nil`.
    /// Entities are read in the per-mention form (1.x).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Field.self)
        id = try c.decode(String.self, forKey: .id)
        parentId = try c.decodeIfPresent(String.self, forKey: .parentId)
        schema = try c.decode(String.self, forKey: .schema)
        schemaVersion = try c.decode(String.self, forKey: .schemaVersion)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        languageConfidence = try c.decodeIfPresent(Double.self, forKey: .languageConfidence)
        script = try c.decodeIfPresent(String.self, forKey: .script)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        publishedAt = try c.decodeIfPresent(String.self, forKey: .publishedAt)
        updatedAt = try c.decodeIfPresent(String.self, forKey: .updatedAt)
        outlet = try c.decodeIfPresent(String.self, forKey: .outlet)
        agency = try c.decodeIfPresent(String.self, forKey: .agency)
        dateline = try c.decodeIfPresent(String.self, forKey: .dateline)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        paragraphs = try c.decodeIfPresent([String].self, forKey: .paragraphs)
        text = try c.decode(String.self, forKey: .text)
        searchText = try c.decode(String.self, forKey: .searchText)
        related = try c.decodeIfPresent([String].self, forKey: .related)
        entities = try c.decodeIfPresent([Entity].self, forKey: .entities)
        quotes = try c.decodeIfPresent([Quote].self, forKey: .quotes)
        numbers = try c.decodeIfPresent([NumberMention].self, forKey: .numbers)
        topics = try c.decodeIfPresent([TopicScore].self, forKey: .topics)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        readingTimeSeconds = try c.decodeIfPresent(Int.self, forKey: .readingTimeSeconds)
        fingerprint = try c.decodeIfPresent(Fingerprint.self, forKey: .fingerprint)
        source = try c.decodeIfPresent(SourcePosition.self, forKey: .source)
        pipelineVersion = try c.decode(String.self, forKey: .pipelineVersion)
    }

    /// Encodes every field, writing `null` for unknown ones, so consumers can
    /// tell "not stated" from "field missing".
    public func encode(to encoder: any Encoder) throws {
        try encode(to: encoder, form: .full)
    }

    /// Encodes the fields `form` lists, in its order, each one always present
    /// (`null` when unknown), with entities laid out as `form` says.
    public func encode(to encoder: any Encoder, form: RecordForm) throws {
        var c = encoder.container(keyedBy: Field.self)
        for field in form.fields {
            switch field {
            case .id: try c.encode(id, forKey: field)
            case .parentId: try c.encode(parentId, forKey: field)
            case .schema: try c.encode(schema, forKey: field)
            case .schemaVersion: try c.encode(schemaVersion, forKey: field)
            case .language: try c.encode(language, forKey: field)
            case .languageConfidence: try c.encode(languageConfidence, forKey: field)
            case .script: try c.encode(script, forKey: field)
            case .title: try c.encode(title, forKey: field)
            case .publishedAt: try c.encode(publishedAt, forKey: field)
            case .updatedAt: try c.encode(updatedAt, forKey: field)
            case .outlet: try c.encode(outlet, forKey: field)
            case .agency: try c.encode(agency, forKey: field)
            case .dateline: try c.encode(dateline, forKey: field)
            case .url: try c.encode(url, forKey: field)
            case .paragraphs: try c.encode(paragraphs, forKey: field)
            case .text: try c.encode(text, forKey: field)
            case .searchText: try c.encode(searchText, forKey: field)
            case .related: try c.encode(related, forKey: field)
            case .entities:
                switch form.entityLayout {
                case .perMention: try c.encode(entities?.map(ExplicitNullEntity.init), forKey: field)
                case .groupedByEntity: try c.encode(entities.map(EntityGroup.grouping), forKey: field)
                }
            case .quotes: try c.encode(quotes?.map(ExplicitNullQuote.init), forKey: field)
            case .numbers: try c.encode(numbers?.map(ExplicitNullNumber.init), forKey: field)
            case .topics: try c.encode(topics, forKey: field)
            case .keywords: try c.encode(keywords, forKey: field)
            case .readingTimeSeconds: try c.encode(readingTimeSeconds, forKey: field)
            case .fingerprint: try c.encode(fingerprint, forKey: field)
            case .source: try c.encode(source, forKey: field)
            case .pipelineVersion: try c.encode(pipelineVersion, forKey: field)
            }
        }
    }
}
