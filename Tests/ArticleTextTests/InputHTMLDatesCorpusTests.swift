import Foundation
import Testing
import TestSupport
@testable import ArticleText

/// Runs the decoder over the 200 pages of `shared/corpus/html-dates/` (read
/// only, never copied). Every page must decode (or, for pages with no text at
/// all, fail with `no-text`), and the metadata publication date must match the
/// label on at least the share measured when this floor was set.
@Suite("Input decoder: html-dates corpus", .needsSharedCorpus, .timeLimit(.minutes(5)))
struct InputHTMLDatesCorpusTests {
    /// Measured 183/200 = 0.915 (date part of `publishedAt` equal to the label,
    /// pages labelled with no date counted right when nothing is found);
    /// htmldate 1.11 scores 179/200 in extensive mode on the same pages.
    static let accuracyFloor = 0.91

    private static func corpus() throws -> URL { try SharedCorpus.url("corpus/html-dates") }

    private struct Label {
        var file: String
        var date: String?
    }

    private static func labels() throws -> [Label] {
        let data = try Data(contentsOf: corpus().appendingPathComponent("labels.jsonl"))
        var labels: [Label] = []
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            // The upstream labels write a missing date as a bare NaN.
            let text = String(decoding: line, as: UTF8.self).replacingOccurrences(of: ": NaN", with: ": null")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            labels.append(Label(file: try #require(object["file"] as? String), date: object["date"] as? String))
        }
        return labels
    }

    @Test func decodesEveryPageAndMeetsTheDateFloor() throws {
        let labels = try Self.labels()
        try #require(labels.count == 200)
        var right = 0
        var noText: [String] = []
        for label in labels {
            let bytes = [UInt8](try Data(contentsOf: Self.corpus().appendingPathComponent("pages/\(label.file)")))
            do {
                let doc = try InputDecoder.decode(RawArticle(bytes: bytes))
                #expect(doc.format == .html, "\(label.file)")
                #expect(!doc.text.isEmpty)
                if doc.metadata.publishedAt.map({ String($0.prefix(10)) }) == label.date { right += 1 }
            } catch {
                #expect(error.code == .noText, "\(label.file): \(error)")
                noText.append(label.file)
                if label.date == nil { right += 1 }
            }
        }
        let accuracy = Double(right) / Double(labels.count)
        print("html-dates: publishedAt date accuracy \(right)/\(labels.count) = \(accuracy); no-text pages: \(noText)")
        #expect(accuracy >= Self.accuracyFloor)
        #expect(noText.count <= 3)
    }
}
