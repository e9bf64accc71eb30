/// How a message sent with a ticket carries it through librdkafka: in the
/// per-message opaque pointer itself, shifted left with the low bit set.
///
/// Batch sends (`DeliveryTracker`) put a pointer to an aligned `Int` slot
/// there instead, whose low bit is always clear, so the delivery callback can
/// tell the two apart without a lookup or an allocation per message.
enum DeliveryTicket {
    /// The largest ticket that fits (63 bits).
    static let maximum: UInt64 = UInt64(UInt.max >> 1)

    static func opaque(for ticket: UInt64) -> UnsafeMutableRawPointer {
        UnsafeMutableRawPointer(bitPattern: UInt(ticket & maximum) << 1 | 1)!
    }

    /// The ticket in `opaque`, or `nil` when it points to a batch slot.
    static func ticket(in opaque: UnsafeMutableRawPointer) -> UInt64? {
        let bits = UInt(bitPattern: opaque)
        return bits & 1 == 1 ? UInt64(bits >> 1) : nil
    }
}
