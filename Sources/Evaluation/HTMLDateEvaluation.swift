import ArticleText
import Foundation

/// Scores `publishedAt` (its date part) on HTML pages labelled with their
/// publication date (`labels.jsonl`: `file`, `date`, `url`), running the
/// whole chain (decode with HTML metadata → normalise → parse).
public enum HTMLDateEvaluation {
    /// One labelled page.
    public struct PageLabel: Sendable, Hashable, Decodable {
        public var file: String
        /// `nil` where the set says the page has no date (`NaN` in the file).
        public var date: String?
        public var url: String?
    }

    /// The set writes a missing date as a bare `NaN` (Python's JSON); JSON
    /// proper has `null`.
    static func jsonWithoutNaN(_ line: some StringProtocol) -> String {
        line.replacingOccurrences(of: ": NaN", with: ": null")
    }

    /// Scores every labelled page; `useURL` passes each page's URL to the
    /// decoder as a crawler would.
    public static func run(pages: URL, labels: URL, useURL: Bool = true) throws -> EvaluationReport {
        let decoder = JSONDecoder()
        let rows = try String(contentsOf: labels, encoding: .utf8).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { try decoder.decode(PageLabel.self, from: Data(jsonWithoutNaN($0).utf8)) }
        var score = FieldScore(field: "published (date)")
        var misses: [Miss] = []
        for row in rows {
            score.total += 1
            let bytes = try [UInt8](Data(contentsOf: pages.appendingPathComponent(row.file)))
            let got: String?
            do {
                got = try TextPipeline.parse(bytes, format: .html, url: useURL ? row.url : nil).first?.publishedAt
            } catch {
                misses.append(Miss(file: row.file, field: "published", expected: row.date, got: "error: \(error.code.rawValue)"))
                continue
            }
            if got?.prefix(10) == row.date?.prefix(10) {
                score.correct += 1
            } else {
                misses.append(Miss(file: row.file, field: "published", expected: row.date, got: got))
            }
        }
        return EvaluationReport(title: "html dates: \(pages.path)", scores: [score], misses: misses)
    }
}
