/// A topic to create: name, partition count, replication factor and topic
/// configs (e.g. `retention.ms`, `cleanup.policy`).
public struct KafkaNewTopic: Hashable, Sendable {
    public var name: String
    public var partitions: Int
    public var replicationFactor: Int
    public var configs: [String: String]

    public init(name: String, partitions: Int, replicationFactor: Int = 1, configs: [String: String] = [:]) {
        self.name = name
        self.partitions = partitions
        self.replicationFactor = replicationFactor
        self.configs = configs
    }
}
