import Foundation

/// One end of a replay range as the user gives it: `beginning`, `end`, an
/// offset (the same on every partition) or an ISO 8601 time (resolved per
/// partition and checked against the records, `ReplayTimeResolver`).
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

    /// Milliseconds since the epoch of a time bound, as record timestamps count.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// A stable spelling, for deriving a replay's group name from its arguments.
    var key: String {
        switch self {
        case .beginning: "beginning"
        case .end: "end"
        case .offset(let offset): "offset:\(offset)"
        case .time(let date): "time:\(Self.milliseconds(date))"
        }
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
