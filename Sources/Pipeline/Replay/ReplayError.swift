/// Why a replay cannot be planned or run; each reads as one sentence saying
/// what is wrong and how to fix it.
public enum ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    case badBound(String)
    case noSuchTopic(String)
    case badStages(String)
    /// The group has committed offsets on the topic and is not a replay group.
    case liveGroup(group: String, topic: String)
    /// This process could not commit all it had done (a refused final commit).
    case unfinished(partitions: [String])

    public var description: String {
        switch self {
        case .badBound(let text):
            "'\(text)' is not a replay bound; use beginning, end, an offset such as 1200, or an ISO 8601 time such as 2025-03-07T10:00:00Z"
        case .noSuchTopic(let topic):
            "the cluster has no topic '\(topic)'; check --input-topic"
        case .badStages(let text):
            "'\(text)' is not a list of stages; use a comma-separated list of normalise, parse and enrich, e.g. --stages parse,enrich"
        case .liveGroup(let group, let topic):
            "the group '\(group)' has committed offsets on \(topic) and is not a replay group (newswire-replay-…), so a replay in it would move a live consumer's offsets; leave out --group to use a replay group, or add --force if you mean it"
        case .unfinished(let partitions):
            "the replay could not commit the last messages it processed on \(partitions.joined(separator: ", ")); run it again with the same arguments to finish (the records come out byte-identical, so repeats are harmless)"
        }
    }
}
