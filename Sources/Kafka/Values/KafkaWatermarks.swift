/// The low and high watermark of a partition: the first offset still stored
/// and the offset the next message will get.
public struct KafkaWatermarks: Hashable, Sendable {
    public var low: Int64
    public var high: Int64

    public init(low: Int64, high: Int64) {
        self.low = low
        self.high = high
    }

    /// How many messages the partition holds now.
    public var count: Int64 { high - low }
}
