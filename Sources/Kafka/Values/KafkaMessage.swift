/// A message read from Kafka, copied once out of librdkafka's buffers.
///
/// A plain value: it owns its bytes, so it can outlive the batch it came in
/// and cross tasks freely.
public struct KafkaMessage: Hashable, Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: KafkaOffset
    public var key: [UInt8]?
    public var value: [UInt8]
    public var headers: [KafkaHeader]
    /// Milliseconds since the Unix epoch (create or log-append time), if the broker sent one.
    public var timestampMilliseconds: Int64?

    public init(
        topic: String,
        partition: Int32,
        offset: KafkaOffset,
        key: [UInt8]?,
        value: [UInt8],
        headers: [KafkaHeader] = [],
        timestampMilliseconds: Int64? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.headers = headers
        self.timestampMilliseconds = timestampMilliseconds
    }

    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// The offset to commit once this message is processed (its offset + 1).
    public var commitOffset: KafkaPartitionOffset {
        KafkaPartitionOffset(topic: topic, partition: partition, offset: KafkaOffset(offset.rawValue + 1))
    }

    /// The first header named `key`.
    public func header(_ key: String) -> KafkaHeader? { headers.first { $0.key == key } }
}
