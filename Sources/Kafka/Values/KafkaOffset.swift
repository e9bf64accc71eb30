/// A position in a partition, or one of librdkafka's logical offsets
/// (beginning, end, stored, invalid).
///
/// A typed wrapper so the logical values (negative sentinels in librdkafka) are
/// named and cannot be confused with partition numbers or counts.
public struct KafkaOffset: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int64
    public init(rawValue: Int64) { self.rawValue = rawValue }
    public init(_ value: Int64) { self.rawValue = value }

    /// The oldest message still in the partition.
    public static let beginning = KafkaOffset(rawValue: RDKafkaConstants.offsetBeginning)
    /// The next message to be written (only new messages).
    public static let end = KafkaOffset(rawValue: RDKafkaConstants.offsetEnd)
    /// The group's committed offset.
    public static let stored = KafkaOffset(rawValue: RDKafkaConstants.offsetStored)
    /// No offset (e.g. nothing committed yet).
    public static let invalid = KafkaOffset(rawValue: RDKafkaConstants.offsetInvalid)

    /// True for a real position (≥ 0), false for a logical offset.
    public var isConcrete: Bool { rawValue >= 0 }

    public static func < (lhs: KafkaOffset, rhs: KafkaOffset) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch rawValue {
        case RDKafkaConstants.offsetBeginning: "beginning"
        case RDKafkaConstants.offsetEnd: "end"
        case RDKafkaConstants.offsetStored: "stored"
        case RDKafkaConstants.offsetInvalid: "invalid"
        default: "\(rawValue)"
        }
    }
}
