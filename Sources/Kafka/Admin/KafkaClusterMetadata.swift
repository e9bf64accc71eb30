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
}
