/// What a consumer group is and where it stands, read from the brokers
/// without joining the group: `newswire status`.
extension KafkaAdmin {
    /// The group's state and members with their assignments (DescribeGroups).
    /// A group the coordinator does not know has the state `Dead`.
    public func describeGroup(_ group: String, timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaGroupDescription {
        let client = client
        return try await BlockingCall.run { client.describeGroup(group, timeout: timeout) }.get()
    }

    /// The group's committed offset on each of `partitions` that has one
    /// (one OffsetFetch request; partitions without a commit are left out).
    public func committedOffsets(group: String, partitions: [KafkaTopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError)
        -> [KafkaPartitionOffset]
    {
        guard !partitions.isEmpty else { return [] }
        var settings = properties
        settings["bootstrap.servers"] = bootstrapServers
        settings["group.id"] = group
        settings["enable.auto.commit"] = "false"
        let reader = try RDKafkaClient(kind: .consumer, properties: settings, context: RDKafkaClientContext(logger: logger, events: nil))
        let committed = try await BlockingCall.run { reader.committed(partitions, timeout: timeout) }.get()
        return committed.filter { $0.offset.isConcrete }
    }
}

extension KafkaErrorCode {
    /// The broker lacks the API a call needs (`RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE`).
    public static let unsupportedFeature = KafkaErrorCode(rawValue: -165)
}
