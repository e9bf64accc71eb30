import Histogram

/// Latencies of one kind (one stage's durations, or end to end) kept as
/// HdrHistograms (hdrhistogram-swift): one since the worker started, and one
/// per `WindowClock` slot for the last minute, merged when read.
///
/// Recording is constant time and allocation-free; the footprint is fixed
/// (about 32 KB per histogram). Values are microseconds with two significant
/// digits (percentiles within 1%), from 1 µs to one day; a longer latency (a
/// replay of old input, say) counts as one day. Not thread-safe by itself: its
/// owner keeps it behind a lock.
struct LatencyRecorder: Sendable {
    static let highestMicroseconds: UInt64 = 86_400 * 1_000_000

    private var sinceStart = Self.histogram()
    private var slots = Array(repeating: Self.histogram(), count: WindowClock.slotCount)
    /// The slot number each ring entry holds, -1 for none yet.
    private var slotNumbers = Array(repeating: -1, count: WindowClock.slotCount)

    private static func histogram() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: highestMicroseconds, numberOfSignificantValueDigits: .two)
    }

    mutating func record(_ duration: Duration, slot: Int) {
        let value = min(duration.wholeMicroseconds, Self.highestMicroseconds)
        sinceStart.record(value)
        let index = slot % WindowClock.slotCount
        if slotNumbers[index] != slot {
            slots[index].reset()
            slotNumbers[index] = slot
        }
        slots[index].record(value)
    }

    /// The summaries as of slot `current`.
    func windows(currentSlot current: Int) -> LatencyWindows {
        var minute = Self.histogram()
        for (index, number) in slotNumbers.enumerated() where number >= 0 && current - number < WindowClock.slotCount && number <= current {
            minute.add(slots[index])
        }
        return LatencyWindows(lastMinute: Self.summary(minute), sinceStart: Self.summary(sinceStart))
    }

    private static func summary(_ histogram: Histogram<UInt64>) -> LatencySummary {
        guard histogram.totalCount > 0 else { return .empty }
        func seconds(_ microseconds: UInt64) -> Double { Double(microseconds) / 1_000_000 }
        return LatencySummary(
            count: Int(histogram.totalCount),
            p50: seconds(histogram.valueAtPercentile(50)),
            p90: seconds(histogram.valueAtPercentile(90)),
            p99: seconds(histogram.valueAtPercentile(99)),
            max: seconds(histogram.max)
        )
    }
}
