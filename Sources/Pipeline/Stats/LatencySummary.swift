/// Percentiles of one set of latencies, in seconds, as `/stats` reports
/// them: `null` figures when nothing was measured in the window.
public struct LatencySummary: Sendable, Hashable, Encodable {
    /// How many latencies were measured.
    public var count: Int
    public var p50: Double?
    public var p90: Double?
    public var p99: Double?
    public var max: Double?

    public init(count: Int, p50: Double?, p90: Double?, p99: Double?, max: Double?) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }

    public static let empty = LatencySummary(count: 0, p50: nil, p90: nil, p99: nil, max: nil)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(count, forKey: .count)
        try container.encode(p50, forKey: .p50)
        try container.encode(p90, forKey: .p90)
        try container.encode(p99, forKey: .p99)
        try container.encode(max, forKey: .max)
    }

    private enum CodingKeys: String, CodingKey {
        case count, p50, p90, p99, max
    }
}

/// A latency over the last minute and since the worker started.
public struct LatencyWindows: Sendable, Hashable, Encodable {
    public var lastMinute: LatencySummary
    public var sinceStart: LatencySummary

    public init(lastMinute: LatencySummary, sinceStart: LatencySummary) {
        self.lastMinute = lastMinute
        self.sinceStart = sinceStart
    }

    public static let empty = LatencyWindows(lastMinute: .empty, sinceStart: .empty)
}
