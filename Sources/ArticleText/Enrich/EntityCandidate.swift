/// An entity a recogniser proposes, before overlaps are resolved.
struct EntityCandidate: Sendable {
    /// Which evidence found it; on equal spans the stronger source wins.
    enum Source: Int, Comparable, Sendable {
        case heuristic = 0
        case pattern = 1
        case cue = 2
        case gazetteer = 3
        /// A credit line or an interview credit ("(أبوظبي - البيان)", "لـ«الصباح»"): the context decides.
        case context = 4

        static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    var start: Int
    var end: Int
    var type: Entity.Kind
    var id: String?
    var source: Source
    /// The span starts at the ل of "لل" whose article the name restores
    /// ("للأمم المتحدة" → "الأمم المتحدة"); otherwise the ل is the name's own
    /// ("لليبيا" → "ليبيا").
    var restoresArticle = false

    var length: Int { end - start }

    func contains(_ other: EntityCandidate) -> Bool { start <= other.start && other.end <= end }
    func overlaps(_ other: EntityCandidate) -> Bool { start < other.end && other.start < end }
}
