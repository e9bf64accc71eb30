import Foundation
import Testing
import TestSupport

@testable import ArticleText

@Suite("Enrich: SimHash fingerprint", .timeLimit(.minutes(5)))
struct EnrichFingerprintTests {
    private func hamming(_ a: String, _ b: String) throws -> Int {
        let x = try #require(UInt64(a, radix: 16))
        let y = try #require(UInt64(b, radix: 16))
        return (x ^ y).nonzeroBitCount
    }

    @Test("one Hamming threshold separates the labelled near-duplicate pairs from all other corpus pairs", .needsSharedCorpus)
    func nearDuplicatesSeparate() throws {
        var group: [String: String] = [:]
        for label in try EnrichTestSupport.labels() {
            if let g = label.near_duplicate_group { group[label.file] = g }
        }
        // The groups name every member in SOURCES.md, labelled or not.
        let members = ["wheat_tender": 1...4, "kku_transfer": 5...7, "makkah_hospital": 8...10]
        let files = try EnrichTestSupport.articleFiles()
        for file in files where file.hasPrefix("ar_snn_") {
            let number = Int(file.dropFirst("ar_snn_".count).prefix(2)) ?? 0
            for (name, range) in members where range.contains(number) { group[file] = name }
        }
        var parsed: [String: String] = [:]
        var whole: [String: String] = [:]
        for file in files {
            parsed[file] = Enricher.enrich(try EnrichTestSupport.parsedArticle(file)).fingerprint.simhash
            whole[file] = Enricher.enrich(try EnrichTestSupport.wholeFileArticle(file)).fingerprint.simhash
        }
        let (maxWithin, minAcross) = try distances(parsed, files, group, label: "parsed articles")
        #expect(maxWithin <= SimHashFingerprint.nearDuplicateThreshold)
        #expect(minAcross > SimHashFingerprint.nearDuplicateThreshold)
        // For comparison only: the raw files, boilerplate and related lists included.
        _ = try distances(whole, files, group, label: "whole files (not asserted)")
    }

    private func distances(_ hashes: [String: String], _ files: [String], _ group: [String: String], label: String) throws
        -> (Int, Int)
    {
        var maxWithin = 0
        var minAcross = 64
        var closestAcross = ""
        var farthestWithin = ""
        for (i, a) in files.enumerated() {
            for b in files[(i + 1)...] {
                let d = try hamming(hashes[a]!, hashes[b]!)
                if let ga = group[a], ga == group[b] {
                    if d > maxWithin { (maxWithin, farthestWithin) = (d, "\(a) ~ \(b)") }
                } else if d < minAcross {
                    (minAcross, closestAcross) = (d, "\(a) ~ \(b)")
                }
            }
        }
        print("SIMHASH \(label): max within-group distance \(maxWithin) (\(farthestWithin)); min cross-group distance \(minAcross) (\(closestAcross)); threshold \(SimHashFingerprint.nearDuplicateThreshold)")
        return (maxWithin, minAcross)
    }

    @Test("the fingerprint is 16 hex digits, the same for the same text in every process")
    func stableHex() {
        let article = ParsedArticle(id: "x", paragraphs: ["أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة بسعة مئتي سرير."])
        let a = Enricher.enrich(article).fingerprint.simhash
        let b = Enricher.enrich(article).fingerprint.simhash
        #expect(a == b)
        // Pinned: the hash must not depend on the process (Swift's Hasher is seeded per process).
        #expect(a == "d7bc8b2f3b82e068")
        #expect(a.count == 16)
        #expect(a.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    }
}
