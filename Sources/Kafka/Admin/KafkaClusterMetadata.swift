/// What the brokers say about the cluster: its brokers and topics.
public struct KafkaClusterMetadata: Hashable, Sendable {
    public var brokers: [KafkaBrokerMetadata]
    public var topics: [KafkaTopicMetadata]
    /// The broker that answered.
    public var originatingBrokerID: Int32

    public init(brokers: [KafkaBrokerMetadata], topics: [KafkaTopicMetadata], originatingBrokerID: Int32) {
        self.brokers = brokers
        self.topics = topics
        self.originatingBrokerID = originatingBrokerID
    }

    /// The topic named `name`, if the cluster has it.
    public func topic(_ name: String) -> KafkaTopicMetadata? { topics.first { $0.name == name } }

    /// The topic named `name`; throws when the cluster does not have it.
    func existingTopic(_ name: String) throws(KafkaError) -> KafkaTopicMetadata {
        guard let topic = topic(name), topic.error == nil || !topic.partitions.isEmpty else {
            throw KafkaError(code: .unknownTopicOrPartition, name: "UNKNOWN_TOPIC_OR_PART", message: "the cluster has no topic '\(name)'")
        }
        return topic
    }
}
