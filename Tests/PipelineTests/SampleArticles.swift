import ArticleText
import Pipeline

/// Hand-made stage results (our own text, not the corpus) and the records
/// built from them.
enum SampleArticles {
    static let pipelineVersion = "0.1.0"
    static let source = SourcePosition(topic: "articles.raw", partition: 3, offset: 1_207)

    /// Offsets (in Unicode scalars) of the `occurrence`-th `needle` in `text`.
    static func span(_ needle: String, in text: String, occurrence: Int = 1) -> (start: Int, end: Int) {
        let scalars = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            seen += 1
            if seen == occurrence { return (start, start + target.count) }
        }
        return (0, 0)
    }

    static let full = ParsedArticle(
        id: "a1b2c3d4e5f60718", title: "افتتاح معرض الكتاب في القاهرة",
        publishedAt: "2025-01-23T10:30:00+02:00", updatedAt: "2025-01-24", outlet: "صحيفة المثال",
        agency: "رويترز", dateline: "القاهرة", url: "https://news.example/culture/book-fair",
        declaredLanguage: "ar",
        paragraphs: [
            "القاهرة (رويترز) - افتتحت وزارة الثقافة معرض القاهرة للكتاب بمشاركة 1800 ناشر.",
            "وقال وزير الثقافة: \"المعرض نافذة على العالم\". وتستمر الدورة في القاهرة أسبوعين.",
        ],
        related: ["مرتبط: أسعار الكتب ترتفع"]
    )

    static var fullEnrichment: Enrichment {
        let text = full.text
        let cairo1 = span("القاهرة", in: text, occurrence: 1)
        let cairo3 = span("القاهرة", in: text, occurrence: 3)
        let ministry = span("وزارة الثقافة", in: text)
        let fair = span("معرض القاهرة للكتاب", in: text)
        let quote = span("المعرض نافذة على العالم", in: text)
        let number = span("1800", in: text)
        return Enrichment(
            language: "ar", languageConfidence: 0.97, script: "Arab",
            entities: [
                Entity(text: "القاهرة", type: .place, start: cairo1.start, end: cairo1.end, id: "place:eg-cairo"),
                Entity(text: "وزارة الثقافة", type: .org, start: ministry.start, end: ministry.end),
                Entity(text: "معرض القاهرة للكتاب", type: .event, start: fair.start, end: fair.end),
                Entity(text: "القاهرة", type: .place, start: cairo3.start, end: cairo3.end, id: "place:eg-cairo"),
            ],
            quotes: [Quote(text: "المعرض نافذة على العالم", speaker: "وزير الثقافة", start: quote.start, end: quote.end)],
            numbers: [NumberMention(text: "1800", value: 1800, unit: "ناشر", start: number.start, end: number.end)],
            topics: [TopicScore(code: "medtop:01000000", label: "arts, culture, entertainment and media", score: 0.82)],
            keywords: ["معرض", "الكتاب", "ناشر"], readingTimeSeconds: 12,
            fingerprint: Fingerprint(simhash: "9f3a00c41b7e2d56")
        )
    }

    /// Nothing stated: no title, dates, outlet or URL; nothing found.
    static let bare = ParsedArticle(id: "0000aaaa1111bbbb", paragraphs: ["Short note without a headline."])

    static let bareEnrichment = Enrichment(
        language: nil, languageConfidence: nil, script: "Latn", entities: [],
        quotes: [Quote(text: "second story", speaker: nil, start: 2, end: 14)],
        numbers: [NumberMention(text: "two", value: 2, unit: nil, start: 0, end: 3)], topics: [], keywords: [],
        readingTimeSeconds: 1, fingerprint: Fingerprint(simhash: "0000000000000001")
    )

    /// An appended article split out of `full`.
    static let child = ParsedArticle(
        id: "feedbeef00112233", parentId: full.id, title: "Second story", declaredLanguage: "en",
        paragraphs: ["A second story, appended after a read-also block.", "Its second paragraph."]
    )

    static func enriched() -> [ArticleRecord] {
        [
            ArticleRecord.enriched(full, enrichment: fullEnrichment, searchText: "افتتاح معرض", source: source, pipelineVersion: pipelineVersion),
            ArticleRecord.enriched(bare, enrichment: bareEnrichment, searchText: "short note", source: nil, pipelineVersion: pipelineVersion),
            ArticleRecord.enriched(child, enrichment: bareEnrichment, searchText: "a second story", source: source, pipelineVersion: pipelineVersion),
        ]
    }

    static func parsed() -> [ArticleRecord] {
        [full, bare, child].map { ArticleRecord.parsed($0, searchText: "folded", source: source, pipelineVersion: pipelineVersion) }
    }

    static func normalised() -> [ArticleRecord] {
        let document = NormalisedDocument(
            text: full.paragraphs.joined(separator: "\n"), searchText: "folded", format: .json,
            metadata: DocumentMetadata(url: full.url, title: full.title, publishedAt: full.publishedAt, language: "ar", outlet: "صحيفة المثال"),
            receivedAt: nil, report: NormalisationReport(removedControls: 2)
        )
        let plain = NormalisedDocument(
            text: "Short note without a headline.", searchText: "short note without a headline.", format: .text,
            metadata: DocumentMetadata(), receivedAt: nil, report: NormalisationReport()
        )
        return [
            ArticleRecord.normalised(document, id: full.id, source: source, pipelineVersion: pipelineVersion),
            ArticleRecord.normalised(plain, id: bare.id, source: nil, pipelineVersion: pipelineVersion),
        ]
    }
}
