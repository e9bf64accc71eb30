import ArticleText
import Foundation

/// Scores the text stages on a folder of texts and a JSON Lines label file:
/// title, published, updated, agency, related-block detection and the number
/// of appended articles, plus dateline as an extra, each with precision and
/// recall where the field can be empty; and the labelled names (entities),
/// with recall on every label and precision where the label is exhaustive.
/// Strings compare on their folded forms (`Normaliser.fold`, whitespace
/// collapsed), dates on their date part, and a `null` label is right only
/// when the output is `null` too.
public enum LabelEvaluation {
    public static let fields = ["title", "published", "updated", "agency", "related", "appended", "dateline"]
    /// The entity rows: all languages, then per language; then the same with
    /// precision on the flat figure (`EntityMatching.flatEntities`).
    public static let entityFields = [
        "entities", "entities (ar)", "entities (en)", "entities, flat", "entities, flat (ar)", "entities, flat (en)",
    ]

    /// Reads `labels` (JSON Lines of `GoldLabel`) and scores every file in it;
    /// each label's `file` is a path under `articles`, or else next to the
    /// label file (texts whose licence lets the project keep them).
    /// `only`, when not empty, keeps the labels whose `file` starts with one
    /// of its prefixes ("pages/", "articles/en_lee"), to score one kind.
    public static func run(articles: URL, labels: URL, only: [String] = []) throws -> EvaluationReport {
        var scores = Dictionary(uniqueKeysWithValues: (fields + entityFields).map { ($0, FieldScore(field: $0)) })
        var misses: [Miss] = []
        for label in try readLabels(labels) where only.isEmpty || only.contains(where: { label.file.hasPrefix($0) }) {
            let bytes = try [UInt8](Data(contentsOf: textURL(label.file, articles: articles, labels: labels)))
            let format: InputFormat = label.format == "html" ? .html : .text
            let parsed: [ParsedArticle]
            do {
                parsed = try TextPipeline.parse(bytes, format: format)
            } catch {
                misses.append(Miss(file: label.file, field: "decode", expected: "an article", got: error.description))
                for field in fields { scores[field]?.total += 1 }
                continue
            }
            let first = parsed.first
            let hasRelated = !(first?.related.isEmpty ?? true)
            let checks: [(String, String?, String?, Bool)] = [
                ("title", label.title, first?.title, sameText(label.title, first?.title)),
                ("published", label.published, first?.publishedAt, sameDate(label.published, first?.publishedAt)),
                ("updated", label.updated, first?.updatedAt, sameDate(label.updated, first?.updatedAt)),
                ("agency", label.sourceAgency, first?.agency, sameText(label.sourceAgency, first?.agency)),
                ("related", (label.hasRelatedBlock ?? false) ? "true" : nil, hasRelated ? "true" : nil,
                 (label.hasRelatedBlock ?? false) == hasRelated),
                ("appended", String(label.appendedArticles?.count ?? 0), String(max(0, parsed.count - 1)),
                 appendedMatch(label.appendedArticles ?? [], Array(parsed.dropFirst()))),
                ("dateline", label.dateline, first?.dateline, sameText(label.dateline, first?.dateline)),
            ]
            for (field, expected, got, ok) in checks {
                let hasLabel = field == "appended" ? !(label.appendedArticles ?? []).isEmpty : expected != nil
                let hasOutput = field == "appended" ? parsed.count > 1 : got != nil
                scores[field]?.add(expected: hasLabel, got: hasOutput, right: ok)
                if !ok { misses.append(Miss(file: label.file, field: field, expected: expected, got: got)) }
            }
            guard label.entitiesTyped != nil else { continue }
            let found = EntityMatching.entities(of: parsed)
            let language = label.language ?? (label.file.hasPrefix("ar") ? "ar" : "en")
            var perLanguage = scores["entities (\(language))"] ?? FieldScore(field: "entities (\(language))")
            _ = EntityMatching.score(label, found: found, into: &perLanguage)
            scores["entities (\(language))"] = perLanguage
            let (missed, wrong) = EntityMatching.score(label, found: found, into: &scores["entities", default: FieldScore(field: "entities")])
            let flat = EntityMatching.flatEntities(of: parsed)
            for field in ["entities, flat", "entities, flat (\(language))"] {
                _ = EntityMatching.score(label, found: found, predicted: flat, into: &scores[field, default: FieldScore(field: field)])
            }
            if !missed.isEmpty { misses.append(Miss(file: label.file, field: "entities missed", expected: missed.joined(separator: " | "), got: nil)) }
            if !wrong.isEmpty { misses.append(Miss(file: label.file, field: "entities not labelled", expected: nil, got: wrong.joined(separator: " | "))) }
        }
        return EvaluationReport(
            title: "labelled articles: \(labels.lastPathComponent)",
            scores: (fields + entityFields).compactMap { scores[$0] }.filter { $0.total > 0 || $0.expected > 0 },
            misses: misses
        )
    }

    /// Where a label's text is: under `articles` when it is there, otherwise
    /// beside the label file.
    static func textURL(_ file: String, articles: URL, labels: URL) -> URL {
        let fetched = articles.appendingPathComponent(file)
        guard !FileManager.default.fileExists(atPath: fetched.path) else { return fetched }
        return labels.deletingLastPathComponent().appendingPathComponent(file)
    }

    /// The labels of a JSON Lines file.
    public static func readLabels(_ url: URL) throws -> [GoldLabel] {
        let decoder = JSONDecoder()
        return try String(contentsOf: url, encoding: .utf8)
            .split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { try decoder.decode(GoldLabel.self, from: Data($0.utf8)) }
    }

    static func sameText(_ expected: String?, _ got: String?) -> Bool {
        guard let expected, let got else { return expected == nil && got == nil }
        return key(expected) == key(got)
    }

    static func sameDate(_ expected: String?, _ got: String?) -> Bool {
        guard let expected, let got else { return expected == nil && got == nil }
        return expected.prefix(10) == got.prefix(10)
    }

    static func appendedMatch(_ expected: [GoldLabel.AppendedLabel], _ got: [ParsedArticle]) -> Bool {
        guard expected.count == got.count else { return false }
        return zip(expected, got).allSatisfy { sameText($0.title, $1.title) && sameDate($0.published, $1.publishedAt) }
    }

    static func key(_ text: String) -> String {
        Normaliser.fold(Normaliser.normaliseText(text))
            .split(whereSeparator: { $0.isWhitespace })
            .joined(separator: " ")
    }
}
