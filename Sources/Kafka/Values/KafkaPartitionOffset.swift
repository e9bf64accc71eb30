/// A partition together with an offset: what is committed, sought to, or
/// returned by committed/offsets-for-times queries.
///
/// When committing, `offset` is the *next* offset to read (last processed + 1),
/// as Kafka defines it.
public struct KafkaPartitionOffset: Hashable, Sendable, CustomStringConvertible {
    public var topicPartition: KafkaTopicPartition
    public var offset: KafkaOffset
    /// A per-partition error from the broker, if the query failed for this partition.
    public var error: KafkaError?

    public init(topicPartition: KafkaTopicPartition, offset: KafkaOffset, error: KafkaError? = nil) {
        self.topicPartition = topicPartition
        self.offset = offset
        self.error = error
    }

    public init(topic: String, partition: Int32, offset: KafkaOffset) {
        self.init(topicPartition: KafkaTopicPartition(topic: topic, partition: partition), offset: offset)
    }

    public var topic: String { topicPartition.topic }
    public var partition: Int32 { topicPartition.partition }

    public var description: String { "\(topicPartition)@\(offset)" }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.topicPartition == rhs.topicPartition && lhs.offset == rhs.offset && lhs.error?.code == rhs.error?.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(topicPartition)
        hasher.combine(offset)
    }
}
