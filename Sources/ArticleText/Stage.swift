/// The three text stages, in the order they run.
public enum Stage: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case normalise
    case parse
    case enrich

    public static func < (lhs: Stage, rhs: Stage) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
