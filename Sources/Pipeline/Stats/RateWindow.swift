/// Counts per `WindowClock` slot, for rates over the last minute: input
/// messages taken and committed, articles found and input bytes.
struct RateWindow: Sendable {
    struct Counts: Sendable, Hashable {
        var consumed = 0
        var committed = 0
        var articles = 0
        var bytes = 0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                consumed: lhs.consumed + rhs.consumed, committed: lhs.committed + rhs.committed,
                articles: lhs.articles + rhs.articles, bytes: lhs.bytes + rhs.bytes
            )
        }
    }

    private var slots = Array(repeating: Counts(), count: WindowClock.slotCount)
    private var slotNumbers = Array(repeating: -1, count: WindowClock.slotCount)

    /// Adds to slot `slot`'s counts.
    mutating func add(slot: Int, _ change: (inout Counts) -> Void) {
        let index = slot % WindowClock.slotCount
        if slotNumbers[index] != slot {
            slots[index] = Counts()
            slotNumbers[index] = slot
        }
        change(&slots[index])
    }

    /// The counts of the slots within the last minute as of slot `current`.
    func total(currentSlot current: Int) -> Counts {
        zip(slots, slotNumbers)
            .filter { $0.1 >= 0 && $0.1 <= current && current - $0.1 < WindowClock.slotCount }
            .reduce(Counts()) { $0 + $1.0 }
    }
}
