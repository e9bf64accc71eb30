import Foundation
import Testing
import TestSupport

@testable import ArticleText

@Suite("Enrich: entities", .needsSharedCorpus, .timeLimit(.minutes(5)))
struct EnrichEntityTests {
    /// Recall with exact spans (`EnrichTestSupport.same`), measured on
    /// 2026-12-01: Arabic 82/87 (94.3%), English 48/51 (94.1%), overall
    /// 130/138 (94.2%). Each floor lets one more name be missed than then.
    static let floors = ["ar": 81.0 / 87, "en": 47.0 / 51]
    static let overallFloor = 129.0 / 138

    @Test("the labelled dev set: exact-span recall within one miss of the measured figures, overall and per language")
    func devRecall() throws {
        var found: [String: Int] = [:]
        var total: [String: Int] = [:]
        var extra: [String: Int] = [:]
        var produced: [String: Int] = [:]
        var misses: [String] = []
        for label in try EnrichTestSupport.labels() where !label.file.hasPrefix("seed") {
            let language = label.file.hasPrefix("ar") ? "ar" : "en"
            let article = try EnrichTestSupport.wholeFileArticle(label.file)
            let entities = Enricher.enrich(article).entities
            let expected = label.entities_typed ?? []
            for item in expected {
                total[language, default: 0] += 1
                let kind = EnrichTestSupport.kind(item.type)
                if entities.contains(where: { $0.type == kind && EnrichTestSupport.same($0.canonicalName, item.text) }) {
                    found[language, default: 0] += 1
                } else {
                    let got = entities.filter { EnrichTestSupport.overlaps($0.canonicalName, item.text) }.map { "\($0.canonicalName)/\($0.type.rawValue)" }
                    misses.append("\(label.file): \(item.text) [\(item.type)] got \(got)")
                }
            }
            produced[language, default: 0] += entities.count
            let unmatched = entities.filter { e in !expected.contains { EnrichTestSupport.same(e.canonicalName, $0.text) } }
            extra[language, default: 0] += unmatched.count
            print("UNLABELLED \(label.file): " + unmatched.map { "\($0.canonicalName)/\($0.type.rawValue)" }.joined(separator: " | "))
        }
        for miss in misses { print("MISS \(miss)") }
        var allFound = 0
        var allTotal = 0
        for language in total.keys.sorted() {
            let recall = Double(found[language, default: 0]) / Double(total[language]!)
            print("RECALL \(language): \(found[language, default: 0])/\(total[language]!) = \(String(format: "%.3f", recall)); entities found \(produced[language, default: 0]), not in the (non-exhaustive) labels \(extra[language, default: 0])")
            let floor = try #require(Self.floors[language], "no floor for \(language)")
            #expect(recall >= floor, "recall \(language)")
            allFound += found[language, default: 0]
            allTotal += total[language]!
        }
        let overall = Double(allFound) / Double(max(allTotal, 1))
        print("RECALL overall: \(allFound)/\(allTotal) = \(String(format: "%.3f", overall))")
        #expect(overall >= Self.overallFloor)
    }

    /// A place that is part of a body's name is no mention of the place; the
    /// same place standing alone is.
    @Test func aPlaceInsideAnOrganisationsNameIsNoMentionOfIt() {
        let found = EnrichTestSupport.entities("The U.S. Department of State said on Monday that talks would resume.")
        #expect(found.contains("U.S. Department of State/ORG"), "\(found)")
        #expect(!found.contains("U.S./PLACE"), "\(found)")
        let alone = EnrichTestSupport.entities("The U.S. Department of State said that U.S. forces would stay.")
        #expect(alone.contains("U.S./PLACE"), "\(alone)")
    }
}
