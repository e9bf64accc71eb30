import Foundation

/// Per-field accuracy plus every miss: what `newswire-evaluate` prints.
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
        let width = max(8, scores.map(\.field.count).max() ?? 0)
        for score in scores {
            let name = score.field.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "  \(name)  \(String(format: "%6.1f%%", score.accuracy * 100))  (\(score.correct)/\(score.total))\n"
        }
        out += misses.isEmpty ? "no misses\n" : "misses (\(misses.count)):\n"
        for miss in misses {
            out += "  \(miss.file)  \(miss.field)  expected: \(miss.expected)  got: \(miss.got)\n"
        }
        return out
    }
}
