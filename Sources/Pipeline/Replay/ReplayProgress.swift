import Foundation

/// One look at a replay process's progress: what it has finished out of
/// what it was given, how fast, and how long the rest will take at that
/// rate. Rendered as the terminal bar's text, or as one JSON line for logs.
public struct ReplayProgress: Sendable, Hashable {
    /// Messages this process finished (every output or dead letter acknowledged).
    public var done: Int
    /// Of those, messages whose offsets are committed.
    public var committed: Int
    /// Offsets this process was given to read.
    public var total: Int64
    public var elapsed: Duration
    public var partitionsFinished: Int
    public var partitionsHeld: Int

    public init(done: Int, committed: Int, total: Int64, elapsed: Duration, partitionsFinished: Int, partitionsHeld: Int) {
        self.done = done
        self.committed = committed
        self.total = total
        self.elapsed = elapsed
        self.partitionsFinished = partitionsFinished
        self.partitionsHeld = partitionsHeld
    }

    public init(counters: WorkerCounters.Totals, tracker: ReplayTracker.Snapshot, elapsed: Duration) {
        self.init(
            done: counters.completed, committed: counters.committed, total: tracker.total, elapsed: elapsed,
            partitionsFinished: tracker.finished.count, partitionsHeld: tracker.assigned.count
        )
    }

    private var seconds: Double {
        let (whole, fraction) = elapsed.components
        return Double(whole) + Double(fraction) * 1e-18
    }

    /// Messages per second since the start.
    public var rate: Double { seconds > 0 ? Double(done) / seconds : 0 }

    /// Time left at the rate so far; nil before anything is done.
    public var eta: Duration? {
        guard rate > 0 else { return nil }
        let left = max(0, Double(total) - Double(done))
        return .milliseconds(Int64((left / rate * 1000).rounded()))
    }

    /// Finished share, 0…1.
    public var fraction: Double { total > 0 ? min(1, Double(done) / Double(total)) : 1 }

    /// `[=========>          ] 1,234/5,000  412 msg/s  ETA 0:09` with a bar
    /// `width` cells wide; before the group has assigned any partition,
    /// `[>         ] waiting for partitions`.
    public func barText(width: Int) -> String {
        let cells = max(1, width)
        guard total > 0 || done > 0 || partitionsHeld > 0 else {
            return "[>\(String(repeating: " ", count: cells - 1))] waiting for partitions"
        }
        let filled = Int((fraction * Double(cells)).rounded(.down))
        let bar = String(repeating: "=", count: filled) + (filled < cells ? ">" + String(repeating: " ", count: cells - filled - 1) : "")
        let eta = self.eta.map(Self.clock) ?? "--:--"
        return "[\(bar)] \(Self.grouped(Int64(done)))/\(Self.grouped(total))  \(Self.grouped(Int64(rate.rounded()))) msg/s  ETA \(eta)"
    }

    /// One JSON object on one line, keys sorted, for logs when not on a terminal.
    public var jsonLine: String {
        let fields: [(String, String)] = [
            ("committed", "\(committed)"),
            ("done", "\(done)"),
            ("elapsedSeconds", Self.decimal(seconds)),
            ("etaSeconds", eta.map { Self.decimal(Double($0.components.seconds)) } ?? "null"),
            ("partitionsFinished", "\(partitionsFinished)"),
            ("partitionsHeld", "\(partitionsHeld)"),
            ("ratePerSecond", Self.decimal(rate)),
            ("replay", "\"progress\""),
            ("total", "\(total)"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `0:09`, `4:05`, `1:02:03`.
    static func clock(_ duration: Duration) -> String {
        let total = max(0, duration.components.seconds + (duration.components.attoseconds >= 500_000_000_000_000_000 ? 1 : 0))
        let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int64) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(seconds))" : "\(minutes):\(twoDigits(seconds))"
    }

    /// `1,234,567`.
    static func grouped(_ value: Int64) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// At most one decimal, no exponent: `412.3`.
    private static func decimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int64(tenths / 10))" : String(format: "%.1f", tenths / 10)
    }
}
