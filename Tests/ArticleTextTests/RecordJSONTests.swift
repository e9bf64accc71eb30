import Foundation
import Testing

@testable import ArticleText

/// `ArticleRecord.jsonBytes(form:)` must write exactly what JSONEncoder
/// (`.sortedKeys`, `.withoutEscapingSlashes`) writes for `encode(to:form:)`:
/// replays compare records byte for byte.
@Suite("Record: direct JSON writer", .timeLimit(.minutes(3)))
struct RecordJSONTests {
    private struct Encoded: Encodable {
        var record: ArticleRecord
        var form: RecordForm

        func encode(to encoder: any Encoder) throws { try record.encode(to: encoder, form: form) }
    }

    private static let forms: [RecordForm] = [
        .full,
        RecordForm.full.removing([.languageConfidence, .script, .numbers]),
        RecordForm(fields: RecordForm.full.fields, entityLayout: .groupedByEntity),
        RecordForm(fields: [.id, .text, .entities], entityLayout: .perMention),
    ]

    private func expectSame(_ record: ArticleRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for form in Self.forms {
            let expected = Array(try encoder.encode(Encoded(record: record, form: form)))
            let written = record.jsonBytes(form: form)
            #expect(written == expected, "\(String(decoding: written, as: UTF8.self))\n!=\n\(String(decoding: expected, as: UTF8.self))")
        }
    }

    @Test("every field, escapes, control characters, numbers and nulls")
    func edgeCases() throws {
        var record = ArticleRecord(id: "a/b", schema: "article.enriched", schemaVersion: "1.1", text: "", searchText: "", pipelineVersion: "0.1.0")
        try expectSame(record)
        let tricky = "quote \" backslash \\ slash / tab\t nl\n cr\r bs\u{8} ff\u{C} nul\u{0} us\u{1F} del\u{7F} عربي 🇪🇬 e\u{301} \u{2028}"
        record.parentId = tricky
        record.language = "ar"
        record.languageConfidence = 0.93
        record.script = "Arab"
        record.title = tricky
        record.publishedAt = "2024-04-13T09:30:00+03:00"
        record.paragraphs = [tricky, "", "x"]
        record.text = tricky
        record.searchText = tricky
        record.related = []
        record.entities = [
            Entity(text: "مصر", type: .place, start: 0, end: 3, id: "place:eg"),
            Entity(text: tricky, type: .person, start: 4, end: 9),
            Entity(text: "مصر", type: .place, start: 20, end: 23, id: "place:eg"),
        ]
        record.quotes = [Quote(text: tricky, speaker: nil, start: 1, end: 2), Quote(text: "q", speaker: "s", start: 3, end: 4)]
        record.numbers = [0, 1, 0.5, -2.25, 1800, 2_500_000_000, 1e16, 1.5e-7, 0.1 + 0.2, 123_456_789.125].enumerated().map {
            NumberMention(text: "n", value: $0.element, unit: $0.offset % 2 == 0 ? nil : "percent", start: $0.offset, end: $0.offset + 1)
        }
        record.topics = [TopicScore(code: "medtop:11000000", label: "politics", score: 0.55), TopicScore(code: "c", label: "l", score: 1)]
        record.keywords = ["كورونا", tricky]
        record.readingTimeSeconds = 42
        record.fingerprint = Fingerprint(simhash: "e1b0ab0514b0f472")
        record.source = SourcePosition(topic: "articles.raw", partition: 3, offset: 9_000_000_000)
        try expectSame(record)
    }

    /// A record plus fields a later layer adds, as JSONEncoder writes them.
    private struct WithExtras: Encodable {
        var record: ArticleRecord
        var extras: [String: String?]

        private struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            try record.encode(to: encoder, form: .full)
            var container = encoder.container(keyedBy: Key.self)
            for (key, value) in extras { try container.encode(value, forKey: Key(stringValue: key)) }
        }
    }

    @Test("extra fields go in among the record's own in key order, first, middle and last")
    func extraFields() throws {
        let record = ArticleRecord(id: "a/b", schema: "article.parsed", schemaVersion: "1.1", text: "t", searchText: "t", pipelineVersion: "0.1.0")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let extras: [String: String?] = ["sourceFile": "a/b.txt", "aaa": nil, "zzz": "last \" \u{1}"]
        let expected = Array(try encoder.encode(WithExtras(record: record, extras: extras)))
        let written = record.jsonBytes(form: .full, extraFields: try extras.map { (key: $0.key, json: Array(try encoder.encode($0.value))) })
        #expect(written == expected, "\(String(decoding: written, as: UTF8.self))\n!=\n\(String(decoding: expected, as: UTF8.self))")
    }

    @Test("the records of the shared corpus articles, every stage")
    func corpusRecords() throws {
        for file in try EnrichTestSupport.articleFiles() {
            let bytes = Array(try Data(contentsOf: EnrichTestSupport.articlesDirectory().appendingPathComponent(file)))
            let output = try TextStages.run(RawArticle(bytes: bytes), through: .enrich)
            try expectSame(.normalised(output.normalised, id: output.inputID, source: nil, pipelineVersion: "0.1.0"))
            for article in output.articles {
                try expectSame(.parsed(article.parsed, searchText: article.searchText, source: nil, pipelineVersion: "0.1.0"))
                if let enrichment = article.enrichment {
                    try expectSame(.enriched(article.parsed, enrichment: enrichment, searchText: article.searchText, source: nil, pipelineVersion: "0.1.0"))
                }
            }
        }
    }
}
