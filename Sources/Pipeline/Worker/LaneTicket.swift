/// Names one input message inside the worker: the lane (one instance of a
/// partition's assignment) and the message's sequence number in it.
///
/// A lane gets a new id each time its partition is assigned, so a report or a
/// stage result that arrives after the partition was revoked, lost or fenced
/// finds no lane and is ignored instead of touching the new owner's work.
struct LaneTicket: Hashable, Sendable, CustomStringConvertible {
    var lane: UInt32
    var sequence: UInt64

    var description: String { "lane \(lane) #\(sequence)" }

    private static let outputBits: UInt64 = 10
    private static let sequenceBits: UInt64 = 33
    private static let laneBits: UInt64 = 20

    /// The most outputs one input may have (1 normalised + 2 per article).
    static let maximumOutputs = Int(1 << outputBits)
    /// Lane ids wrap around after this many assignments.
    static let laneIDLimit = UInt32(1 << laneBits)

    /// The delivery ticket of output `output` of this message, as the
    /// producer carries it (63 bits: lane, sequence, output index).
    func delivery(output: Int) -> UInt64 {
        let sequencePart = (sequence & ((1 << Self.sequenceBits) - 1)) << Self.outputBits
        let lanePart = UInt64(lane) << (Self.sequenceBits + Self.outputBits)
        return lanePart | sequencePart | UInt64(output)
    }

    /// The message and output index a delivery ticket names. The sequence is
    /// the low 33 bits of the message's; `LaneTable` matches it against the
    /// lane's window, which is far smaller than 2^33.
    static func parse(delivery: UInt64) -> (lane: UInt32, sequenceLowBits: UInt64, output: Int) {
        let output = Int(delivery & ((1 << outputBits) - 1))
        let sequence = (delivery >> outputBits) & ((1 << sequenceBits) - 1)
        let lane = UInt32(truncatingIfNeeded: delivery >> (sequenceBits + outputBits))
        return (lane, sequence, output)
    }

    static let sequenceMask: UInt64 = (1 << sequenceBits) - 1
}
