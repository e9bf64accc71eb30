/// A topic's partitions (sorted by id) and its error, if the broker reported one.
public struct KafkaTopicMetadata: Hashable, Sendable {
    public var name: String
    public var partitions: [KafkaPartitionMetadata]
    public var error: KafkaError?

    public init(name: String, partitions: [KafkaPartitionMetadata], error: KafkaError?) {
        self.name = name
        self.partitions = partitions
        self.error = error
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.name == rhs.name && lhs.partitions == rhs.partitions && lhs.error?.code == rhs.error?.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(partitions)
    }
}
