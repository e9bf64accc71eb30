import ArticleText

/// Where an input failed, as the `newswire-dlq-stage` header names it: a
/// text stage (input decoding counts as `normalise`), or `publish` when the
/// broker refused an output record.
public enum DeadLetterStage: String, Sendable, Hashable, CaseIterable {
    case normalise
    case parse
    case enrich
    case publish

    public init(_ stage: Stage) {
        switch stage {
        case .normalise: self = .normalise
        case .parse: self = .parse
        case .enrich: self = .enrich
        }
    }
}
