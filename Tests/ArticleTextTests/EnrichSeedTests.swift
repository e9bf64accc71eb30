import Foundation
import Testing
import TestSupport

@testable import ArticleText

@Suite("Enrich: the seed article", .needsSharedCorpus, .timeLimit(.minutes(5)))
struct EnrichSeedTests {
    /// Types for the appended article's labels, which carry none: the reading
    /// the labelling conventions give (conference and exhibitions are events).
    private let appendedTypes: [String: Entity.Kind] = [
        "محمد بن زايد آل نهيان": .person, "قصر الإمارات": .place, "مؤتمر الدفاع الدولي 2025": .event,
        "آيدكس": .event, "نافدكس": .event, "مجموعة أدنيك": .org, "وزارة الدفاع": .org, "مجلس التوازن": .org,
        "توازن": .org, "الإمارات": .place, "يوسي شيفي": .person, "معهد ماساتشوستس للتكنولوجيا": .org,
    ]

    @Test("both articles' labelled entities are found with the right types")
    func seedEntities() throws {
        let label = try #require(try EnrichTestSupport.labels().first { $0.file.hasPrefix("seed") })
        let enrichment = Enricher.enrich(try EnrichTestSupport.wholeFileArticle(label.file))
        var expected: [(String, Entity.Kind)] = []
        for item in label.entities_typed ?? [] {
            expected.append((item.text, try #require(EnrichTestSupport.kind(item.type))))
        }
        for appended in label.appended_articles ?? [] {
            for text in appended.entities ?? [] {
                expected.append((text, try #require(appendedTypes[text], "no type for \(text)")))
            }
        }
        #expect(expected.count >= 20)
        for (text, kind) in expected {
            let exact = enrichment.entities.contains { Normaliser.fold($0.canonicalName) == Normaliser.fold(text) && $0.type == kind }
            #expect(exact, "\(text) as \(kind.rawValue); found \(enrichment.entities.filter { EnrichTestSupport.overlaps($0.canonicalName, text) }.map { "\($0.canonicalName)/\($0.type.rawValue)" })")
        }
        let ids = Dictionary(enrichment.entities.compactMap { e in e.id.map { (Normaliser.fold(e.canonicalName), $0) } }, uniquingKeysWith: { a, _ in a })
        #expect(ids[Normaliser.fold("العراق")] == "place:iq")
        #expect(ids[Normaliser.fold("الولايات المتحدة")] == "place:us")
    }

    @Test("the seed's numbers: 1800 participants, 12 speakers")
    func seedNumbers() throws {
        let numbers = Enricher.enrich(try EnrichTestSupport.wholeFileArticle("seed_ar_almustaqilla.txt")).numbers
        #expect(numbers.contains { $0.value == 1800 && $0.unit == "مشارك" })
        #expect(numbers.contains { $0.value == 12 && $0.unit == "متحدثاً" })
    }
}
