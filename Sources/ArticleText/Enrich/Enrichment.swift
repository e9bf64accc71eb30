/// What the enrich stage adds to a parsed article.
public struct Enrichment: Sendable, Hashable {
    /// ISO 639-1 code, `nil` when the text is too short to tell.
    public var language: String?
    public var languageConfidence: Double?
    /// ISO 15924 code of the dominant script, e.g. `Arab`, `Latn`.
    public var script: String?
    public var entities: [Entity]
    public var quotes: [Quote]
    public var numbers: [NumberMention]
    public var topics: [TopicScore]
    public var keywords: [String]
    public var readingTimeSeconds: Int
    public var fingerprint: Fingerprint

    public init(
        language: String?, languageConfidence: Double?, script: String?, entities: [Entity], quotes: [Quote],
        numbers: [NumberMention], topics: [TopicScore], keywords: [String], readingTimeSeconds: Int,
        fingerprint: Fingerprint
    ) {
        self.language = language
        self.languageConfidence = languageConfidence
        self.script = script
        self.entities = entities
        self.quotes = quotes
        self.numbers = numbers
        self.topics = topics
        self.keywords = keywords
        self.readingTimeSeconds = readingTimeSeconds
        self.fingerprint = fingerprint
    }

    /// Nothing found yet: the value each enrichment step fills in.
    static let empty = Enrichment(
        language: nil, languageConfidence: nil, script: nil, entities: [], quotes: [], numbers: [], topics: [],
        keywords: [], readingTimeSeconds: 0, fingerprint: Fingerprint(simhash: "0000000000000000")
    )
}
