import Foundation

/// One end of a replay range as the user gives it: `beginning`, `end`, an
/// offset (the same on every partition) or an ISO 8601 time (resolved per
/// partition through the broker's offsets-for-times).
public enum ReplayBound: Sendable, Hashable, CustomStringConvertible {
    case beginning
    case end
    case offset(Int64)
    case time(Date)

    /// Reads `beginning`, `end`, `1200` or `2025-03-07T10:00:00Z` (a date alone means midnight UTC).
    public init(parsing text: String) throws(ReplayError) {
        switch text {
        case "beginning": self = .beginning
        case "end": self = .end
        default:
            if let offset = Int64(text), offset >= 0 {
                self = .offset(offset)
            } else if let date = Self.date(text) {
                self = .time(date)
            } else {
                throw .badBound(text)
            }
        }
    }

    private static func date(_ text: String) -> Date? {
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        let day = ISO8601DateFormatter()
        day.formatOptions = [.withFullDate]
        return day.date(from: text)
    }

    public var description: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .offset(let offset): "offset \(offset)"
        case .time(let date): date.formatted(.iso8601)
        }
    }
}

/// Why a replay could not be planned or run.
public enum ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    case badBound(String)
    case noSuchTopic(String)
    case timesNotAnswered(String)
    case unfinished(consumed: Int, committed: Int)

    public var description: String {
        switch self {
        case .badBound(let text):
            "'\(text)' is not a replay bound; use beginning, end, an offset such as 1200, or an ISO 8601 time such as 2025-03-07T10:00:00Z"
        case .noSuchTopic(let topic):
            "the cluster has no topic '\(topic)'; check --input-topic"
        case .unfinished(let consumed, let committed):
            "the replay read \(consumed) message(s) but finished only \(committed) before it stopped; run it again for the same range (the records come out byte-identical, so repeats are harmless)"
        case .timesNotAnswered(let topic):
            "the broker did not answer offsets-for-times for '\(topic)', so a time bound cannot be resolved; give offsets instead"
        }
    }
}
