import Foundation
import Testing
@testable import ArticleText

/// Golden test on the canonical seed article (read from the shared corpus,
/// never copied): two articles, dates, agency, dateline, parent link.
@Suite struct ParseSeedTests {
    static func seed() throws -> [ParsedArticle] {
        let url = ParseTestSupport.sharedDirectory.appendingPathComponent("corpus/articles/seed_ar_almustaqilla.txt")
        let bytes = try [UInt8](Data(contentsOf: url))
        let source = try InputDecoder.decode(RawArticle(bytes: bytes, declaredFormat: .text))
        return ArticleParser.parse(Normaliser.normalise(source), context: ParseContext())
    }

    @Test func seedYieldsTwoArticles() throws {
        let articles = try Self.seed()
        try #require(articles.count == 2)
        let first = articles[0]
        #expect(first.title == "وزارة الدفاع الامريكية: العلاقة مع العراق ستتحول إلى “شراكة أمنية ثنائية دائمية”")
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
        #expect(second.title == "تحت رعاية رئيس الدولة.. مؤتمر الدفاع الدولي 2025 ينطلق غداً بمشاركة 1800 من قادة القطاع حول العالم")
        #expect(second.parentId == first.id)
        #expect(second.publishedAt == nil)
        #expect(second.agency == nil)
        #expect(second.paragraphs.count == 8)
        #expect(first.related == [second.title!])
    }

    @Test func idsAreStableHex() throws {
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
