import Foundation
import Testing
import TestSupport

@testable import ArticleText

@Suite("Enrich: topics", .timeLimit(.minutes(5)))
struct EnrichTopicTests {
    @Test("the BBC files' categories are their top IPTC topic", .needsSharedCorpus)
    func bbcCategories() throws {
        let expected = [
            "business": "medtop:04000000", "politics": "medtop:11000000", "tech": "medtop:13000000",
            "sport": "medtop:15000000", "entertainment": "medtop:01000000",
        ]
        let files = try EnrichTestSupport.articleFiles().filter { $0.hasPrefix("en_bbc_") }
        #expect(files.count == 5)
        for file in files {
            let category = try #require(expected.keys.first { file.contains("_\($0)_") })
            let topics = Enricher.enrich(try EnrichTestSupport.wholeFileArticle(file)).topics
            print("TOPICS \(file): " + topics.map { "\($0.label) \($0.score)" }.joined(separator: ", "))
            #expect(topics.first?.code == expected[category], "\(file): \(topics.map(\.label))")
        }
    }

    @Test("Arabic lexicons: a football report is sport, a grain tender economy")
    func arabicTopics() {
        let sport = ParsedArticle(id: "s", paragraphs: [
            "فاز الفريق على منافسه بهدفين في مباراة الدوري، وقال المدرب إن اللاعبين قدموا أداء كبيرا أمام الجماهير في الملعب."
        ])
        let economy = ParsedArticle(id: "e", paragraphs: [
            "أعلنت الشركة ارتفاع أرباحها في الربع الثاني مع زيادة المبيعات، وصعدت أسهمها في البورصة بعد طرح صفقة استحواذ بقيمة مليار دولار."
        ])
        #expect(Enricher.enrich(sport).topics.first?.label == "sport")
        #expect(Enricher.enrich(economy).topics.first?.label == "economy, business and finance")
    }

    @Test("scores are shares in 0...1, highest first")
    func scoreShape() {
        let article = ParsedArticle(id: "m", paragraphs: [
            "The minister told parliament the government would hold an election after the army ended the war and troops left."
        ])
        let topics = Enricher.enrich(article).topics
        #expect(!topics.isEmpty)
        #expect(topics.allSatisfy { $0.score > 0 && $0.score <= 1 })
        #expect(zip(topics, topics.dropFirst()).allSatisfy { $0.score >= $1.score })
    }
}
