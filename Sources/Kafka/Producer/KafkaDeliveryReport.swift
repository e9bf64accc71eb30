/// The outcome of producing one message: where it was written, or why not.
public struct KafkaDeliveryReport: Hashable, Sendable, CustomStringConvertible {
    public var topic: String
    /// The partition written to (or chosen, when delivery failed).
    public var partition: Int32
    /// The offset assigned by the broker; `.invalid` when unknown or failed.
    public var offset: KafkaOffset
    /// `nil` when delivered.
    public var error: KafkaError?

    public init(topic: String, partition: Int32, offset: KafkaOffset, error: KafkaError?) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.error = error
    }

    public var isDelivered: Bool { error == nil }

    public var description: String {
        if let error { return "\(topic)/\(partition) failed: \(error)" }
        return "\(topic)/\(partition)@\(offset)"
    }
}
