/// Percentiles of one set of latencies, in seconds, as `/stats` reports
/// them: `null` figures when nothing was measured in the window.
public struct LatencySummary: Sendable, Hashable, Encodable {
    /// How many latencies were measured.
    public var count: Int
    @NullWhenAbsent public var p50: Double?
    @NullWhenAbsent public var p90: Double?
    @NullWhenAbsent public var p99: Double?
    @NullWhenAbsent public var max: Double?

    public init(count: Int, p50: Double?, p90: Double?, p99: Double?, max: Double?) {
        self.count = count
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
        self.max = max
    }

    public static let empty = LatencySummary(count: 0, p50: nil, p90: nil, p99: nil, max: nil)
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
