/// Divides the time since a worker started into short slots, so figures
/// "over the last minute" can be kept as a ring of per-slot figures: a slot
/// is reused (cleared) once it is a minute old. Six slots of ten seconds: the
/// window reported covers the current slot and the five before it, between 50
/// and 60 seconds once the worker has run that long.
struct WindowClock: Sendable {
    static let slotLength: Duration = .seconds(10)
    static let slotCount = 6

    let start: ContinuousClock.Instant

    init(start: ContinuousClock.Instant = .now) {
        self.start = start
    }

    /// The number of the slot `instant` falls in, counted from the start.
    func slot(at instant: ContinuousClock.Instant) -> Int {
        let elapsed = instant - start
        guard elapsed > .zero else { return 0 }
        return Int(elapsed / Self.slotLength)
    }

    /// Seconds the last-minute window covers at `instant`: the slots kept,
    /// the current one only up to now, and never more than the uptime.
    func windowSeconds(at instant: ContinuousClock.Instant) -> Double {
        let elapsed = max(.zero, instant - start)
        let current = elapsed - Self.slotLength * slot(at: instant)
        let full = Self.slotLength * min(slot(at: instant), Self.slotCount - 1)
        return max(0.001, (full + current).seconds)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Whole microseconds, never negative.
    var wholeMicroseconds: UInt64 {
        let parts = components
        guard parts.seconds >= 0, parts.attoseconds >= 0 else { return 0 }
        return UInt64(parts.seconds) &* 1_000_000 &+ UInt64(parts.attoseconds / 1_000_000_000_000)
    }
}
