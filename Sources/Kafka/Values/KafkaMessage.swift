/// A message read from Kafka, copied once out of librdkafka's buffers.
///
/// A plain value: it owns its bytes, so it can outlive the batch it came in
/// and cross tasks freely.
public struct KafkaMessage: Hashable, Sendable {
    public var topic: String
    public var partition: Int32
    public var offset: KafkaOffset
    public var key: [UInt8]?
    /// The payload; empty when the message has none (see `valueIsNull`).
    public var value: [UInt8]
    /// True when the message carries no value at all (a tombstone), as
    /// opposed to an empty one; `value` is then empty.
    public var valueIsNull: Bool
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
        timestampMilliseconds: Int64? = nil,
        valueIsNull: Bool = false
    ) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.valueIsNull = valueIsNull
        self.headers = headers
        self.timestampMilliseconds = timestampMilliseconds
    }

    public var topicPartition: KafkaTopicPartition { KafkaTopicPartition(topic: topic, partition: partition) }

    /// The offset to commit once this message is processed (its offset + 1).
    public var commitOffset: KafkaPartitionOffset {
        KafkaPartitionOffset(topic: topic, partition: partition, offset: KafkaOffset(offset.rawValue + 1))
    }

    /// Bytes this message holds: key, value and headers.
    public var byteCount: Int {
        value.count + (key?.count ?? 0) + headers.reduce(0) { $0 + $1.key.utf8.count + ($1.value?.count ?? 0) }
    }

    /// The first header named `key`.
    public func header(_ key: String) -> KafkaHeader? { headers.first { $0.key == key } }
}
