import Foundation
import Testing
import TestSupport
@testable import ArticleText

/// Golden test on the canonical seed article (read from the shared corpus,
/// never copied): two articles, dates, agency, dateline, parent link.
@Suite(.timeLimit(.minutes(5))) struct ParseSeedTests {
    static func seed() throws -> [ParsedArticle] {
        let url = try SharedCorpus.url("corpus/articles/seed_ar_almustaqilla.txt")
        let bytes = try [UInt8](Data(contentsOf: url))
        let source = try InputDecoder.decode(RawArticle(bytes: bytes, declaredFormat: .text))
        return ArticleParser.parse(Normaliser.normalise(source), context: ParseContext())
    }

    /// The seed's gold titles, read from `labels-dev.jsonl` so that no
    /// corpus text is kept in the project: the article's and its appended one's.
    static func goldTitles() throws -> (main: String, appended: String) {
        let url = try SharedCorpus.url("corpus/labels-dev.jsonl")
        let lines = String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n")
        for line in lines {
            let label = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard label["file"] as? String == "seed_ar_almustaqilla.txt" else { continue }
            let appended = try #require((label["appended_articles"] as? [[String: Any]])?.first?["title"] as? String)
            return (try #require(label["title"] as? String), appended)
        }
        throw MissingSeedLabel()
    }

    struct MissingSeedLabel: Error, CustomStringConvertible {
        var description: String { "labels-dev.jsonl has no line for seed_ar_almustaqilla.txt" }
    }

    @Test(.needsSharedCorpus) func seedYieldsTwoArticles() throws {
        let gold = try Self.goldTitles()
        let articles = try Self.seed()
        try #require(articles.count == 2)
        let first = articles[0]
        #expect(first.title == gold.main)
        #expect(first.publishedAt == "2024-04-13")
        #expect(first.updatedAt == "2024-04-13")
        #expect(first.agency == "وكالة الصحافة المستقلة")
        #expect(first.dateline == "المستقلة")
        #expect(first.parentId == nil)
        #expect(first.paragraphs.count == 5)
        #expect(first.paragraphs.first?.hasPrefix("المستقلة/- قالت وزارة الدفاع") == true)
        #expect(!first.paragraphs.contains("مرتبط"))
        #expect(!first.paragraphs.contains { $0.hasPrefix("المصدر") || $0.hasPrefix("إقرأ") || $0.contains("تاريخ النشر") })

        let second = articles[1]
        #expect(second.title == gold.appended)
        #expect(second.parentId == first.id)
        #expect(second.publishedAt == nil)
        #expect(second.agency == nil)
        #expect(second.paragraphs.count == 8)
        #expect(first.related == [second.title!])
    }

    @Test(.needsSharedCorpus) func idsAreStableHex() throws {
        let once = try Self.seed()
        let twice = try Self.seed()
        #expect(once.map(\.id) == twice.map(\.id))
        for article in once {
            #expect(article.id.count == 32)
            #expect(article.id.allSatisfy { "0123456789abcdef".contains($0) })
        }
        #expect(once[0].id != once[1].id)
    }

    @Test func urlGivesTheId() {
        let a = ParseTestSupport.parse("عنوان\nنص", metadata: DocumentMetadata(url: "https://example.com/a"))
        let b = ParseTestSupport.parse("عنوان آخر\nنص آخر", metadata: DocumentMetadata(url: "https://example.com/a"))
        #expect(a[0].id == b[0].id)
        #expect(a[0].url == "https://example.com/a")
    }
}
