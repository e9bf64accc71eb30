/// One partition's leader and replicas, from cluster metadata.
public struct KafkaPartitionMetadata: Hashable, Sendable {
    public var id: Int32
    /// The leader's broker id (-1 when there is none).
    public var leader: Int32
    public var replicas: [Int32]
    public var inSyncReplicas: [Int32]
    public var error: KafkaError?

    public init(id: Int32, leader: Int32, replicas: [Int32], inSyncReplicas: [Int32], error: KafkaError?) {
        self.id = id
        self.leader = leader
        self.replicas = replicas
        self.inSyncReplicas = inSyncReplicas
        self.error = error
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.id == rhs.id && lhs.leader == rhs.leader && lhs.replicas == rhs.replicas
            && lhs.inSyncReplicas == rhs.inSyncReplicas && lhs.error?.code == rhs.error?.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(leader)
    }
}
