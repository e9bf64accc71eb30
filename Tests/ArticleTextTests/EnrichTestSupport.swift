import Foundation
import TestSupport

@testable import ArticleText

/// Helpers for the enrich tests: the shared corpus (read only, never copied)
/// and its dev labels.
enum EnrichTestSupport {
    static func articlesDirectory() throws -> URL { try SharedCorpus.url("corpus/articles") }

    /// Names of the corpus article files, sorted.
    static func articleFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: articlesDirectory().path).filter { $0.hasSuffix(".txt") }.sorted()
    }

    /// The names enrich finds in one paragraph, as "text/TYPE".
    static func entities(_ text: String) -> [String] {
        Enricher.enrich(ParsedArticle(id: "t", paragraphs: [text])).entities.map { "\($0.canonicalName)/\($0.type.rawValue)" }
    }

    static func articleText(_ file: String) throws -> String {
        try String(contentsOf: articlesDirectory().appendingPathComponent(file), encoding: .utf8)
    }

    /// An article whose text is the whole file, one paragraph per line, so
    /// label strings (exact substrings of the file) can be found in it.
    static func wholeFileArticle(_ file: String) throws -> ParsedArticle {
        let text = try articleText(file).replacingOccurrences(of: "\r\n", with: "\n")
        return ParsedArticle(id: file, paragraphs: [text])
    }

    /// The article as the pipeline sees it: normalised, then parsed; the
    /// first parsed article (the main one).
    static func parsedArticle(_ file: String) throws -> ParsedArticle {
        let text = try articleText(file)
        let document = Normaliser.normalise(SourceDocument(text: text, format: .text, metadata: DocumentMetadata()))
        let parsed = ArticleParser.parse(document, context: ParseContext())
        return parsed.first ?? ParsedArticle(id: file, paragraphs: [document.text])
    }

    struct LabelledEntity: Decodable {
        var text: String
        var type: String
    }

    struct AppendedArticle: Decodable {
        var title: String?
        var entities: [String]?
    }

    struct Label: Decodable {
        var file: String
        var language: String?
        var entities_typed: [LabelledEntity]?
        var near_duplicate_group: String?
        var appended_articles: [AppendedArticle]?
    }

    static func labels() throws -> [Label] {
        let url = try SharedCorpus.url("corpus/labels-dev.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map {
            try decoder.decode(Label.self, from: Data($0.utf8))
        }
    }

    /// PER/LOC/ORG of the labels as entity types.
    static func kind(_ label: String) -> Entity.Kind? {
        switch label {
        case "PER": return .person
        case "LOC": return .place
        case "ORG": return .org
        case "EVENT": return .event
        default: return nil
        }
    }

    /// Whether a found entity's text is the labelled name: the same words
    /// after folding (runs of whitespace count as one space). No partial
    /// credit: a name found without its title ("سلمان …" for "الملك سلمان …")
    /// or with a word more or less is a miss.
    static func same(_ found: String, _ label: String) -> Bool {
        words(found) == words(label)
    }

    /// Whether one folded text contains the other: for showing what was
    /// found near a missed name, never for scoring.
    static func overlaps(_ found: String, _ label: String) -> Bool {
        let a = Normaliser.fold(found)
        let b = Normaliser.fold(label)
        return a.contains(b) || b.contains(a)
    }

    private static func words(_ text: String) -> [Substring] {
        Normaliser.fold(text).split(whereSeparator: \.isWhitespace)
    }
}
