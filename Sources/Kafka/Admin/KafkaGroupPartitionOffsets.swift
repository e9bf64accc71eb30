/// One partition's progress in a consumer group: committed offset, end
/// offset and the lag between them (what `newswire status` prints).
public struct KafkaGroupPartitionOffsets: Hashable, Sendable, CustomStringConvertible {
    public var topicPartition: KafkaTopicPartition
    /// `nil` when the group has committed nothing for this partition.
    public var committed: Int64?
    public var low: Int64
    /// The end offset (high watermark).
    public var high: Int64

    public init(topicPartition: KafkaTopicPartition, committed: Int64?, low: Int64, high: Int64) {
        self.topicPartition = topicPartition
        self.committed = committed
        self.low = low
        self.high = high
    }

    /// Messages not yet consumed by the group: from its committed offset (or
    /// the low watermark, when it has none) to the end.
    public var lag: Int64 { max(0, high - max(committed ?? low, low)) }

    public var description: String {
        "\(topicPartition) committed=\(committed.map(String.init) ?? "-") end=\(high) lag=\(lag)"
    }
}
