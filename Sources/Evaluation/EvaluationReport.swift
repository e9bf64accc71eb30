import Foundation

/// Per-field accuracy, precision and recall plus every miss: what
/// `newswire-evaluate` prints.
public struct EvaluationReport: Sendable, Hashable {
    public var title: String
    public var scores: [FieldScore]
    public var misses: [Miss]

    public init(title: String, scores: [FieldScore], misses: [Miss]) {
        self.title = title
        self.scores = scores
        self.misses = misses
    }

    /// The score of `field`, if scored.
    public func score(_ field: String) -> FieldScore? { scores.first { $0.field == field } }

    /// A plain-text table of the scores followed by the misses.
    public func rendered() -> String {
        var out = "\(title)\n"
        out += Self.table(columns: [("", self)])
        out += misses.isEmpty ? "no misses\n" : "misses (\(misses.count)):\n"
        for miss in misses {
            out += "  \(miss.file)  \(miss.field)  expected: \(miss.expected)  got: \(miss.got)\n"
        }
        return out
    }

    /// Several reports' scores side by side (e.g. the dev part and the report
    /// part): one row per field, accuracy, precision and recall per report.
    public static func table(columns: [(name: String, report: EvaluationReport)]) -> String {
        var fields: [String] = []
        for column in columns {
            for score in column.report.scores where !fields.contains(score.field) { fields.append(score.field) }
        }
        let width = max(14, fields.map(\.count).max() ?? 0)
        let cell = 36
        var out = ""
        if columns.contains(where: { !$0.name.isEmpty }) {
            out += "  " + "".padding(toLength: width, withPad: " ", startingAt: 0)
            for column in columns { out += "  " + column.name.padding(toLength: cell, withPad: " ", startingAt: 0) }
            out += "\n"
        }
        out += "  " + "field".padding(toLength: width, withPad: " ", startingAt: 0)
        for _ in columns { out += "  " + "accuracy (n)        P       R     ".padding(toLength: cell, withPad: " ", startingAt: 0) }
        out += "\n"
        for field in fields {
            out += "  " + field.padding(toLength: width, withPad: " ", startingAt: 0)
            for column in columns {
                out += "  " + (column.report.score(field).map(describe) ?? "-").padding(toLength: cell, withPad: " ", startingAt: 0)
            }
            out += "\n"
        }
        return out
    }

    /// `accuracy (correct/total)  precision  recall`, a dash where one does not apply.
    static func describe(_ score: FieldScore) -> String {
        let percent = { (value: Double?) in value.map { String(format: "%5.1f%%", $0 * 100) } ?? "    - " }
        let accuracy = score.total == 0 ? "     -        " : "\(percent(score.accuracy)) (\(score.correct)/\(score.total))"
        return "\(accuracy.padding(toLength: 16, withPad: " ", startingAt: 0)) \(percent(score.precision))  \(percent(score.recall))"
    }
}
