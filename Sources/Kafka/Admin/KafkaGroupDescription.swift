/// A consumer group as its coordinator describes it: its state (`Stable`,
/// `Empty`, `Dead` for a group the broker does not know…) and each member's
/// assigned partitions. What `newswire status` needs to say which topics a
/// group consumes and whether the group exists at all.
public struct KafkaGroupDescription: Hashable, Sendable {
    /// One member of the group and the partitions assigned to it.
    public struct Member: Hashable, Sendable {
        public var clientID: String
        public var host: String
        public var assignment: [KafkaTopicPartition]
    }

    public var group: String
    /// The coordinator's name for the state: `Stable`, `PreparingRebalance`,
    /// `CompletingRebalance`, `Empty`, or `Dead` for a group it does not know.
    public var state: String
    public var members: [Member]

    /// False when the coordinator knows nothing of the group.
    public var exists: Bool { (state != "Dead" && state != "Unknown") || !members.isEmpty }

    /// The topics the members are assigned partitions of, sorted.
    public var assignedTopics: [String] {
        Array(Set(members.flatMap { $0.assignment.map(\.topic) })).sorted()
    }

    /// The partitions of a consumer-protocol member assignment (Kafka's
    /// `ConsumerProtocolAssignment`: int16 version, then an array of topic
    /// name and int32 partitions, then user data). Empty when malformed.
    static func decodeAssignment(_ bytes: [UInt8]) -> [KafkaTopicPartition] {
        var reader = ProtocolReader(bytes: bytes)
        guard reader.int16() != nil, let topicCount = reader.int32(), topicCount >= 0 else { return [] }
        var partitions: [KafkaTopicPartition] = []
        for _ in 0..<topicCount {
            guard let topic = reader.string(), let count = reader.int32(), count >= 0 else { return [] }
            for _ in 0..<count {
                guard let partition = reader.int32() else { return [] }
                partitions.append(KafkaTopicPartition(topic: topic, partition: partition))
            }
        }
        return partitions
    }
}

/// Reads Kafka's big-endian protocol fields from a byte array.
private struct ProtocolReader {
    let bytes: [UInt8]
    var position = 0

    mutating func int16() -> Int16? {
        guard position + 2 <= bytes.count else { return nil }
        defer { position += 2 }
        return Int16(bitPattern: UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1]))
    }

    mutating func int32() -> Int32? {
        guard position + 4 <= bytes.count else { return nil }
        defer { position += 4 }
        let value = bytes[position..<position + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return Int32(bitPattern: value)
    }

    mutating func string() -> String? {
        guard let length = int16(), length >= 0, position + Int(length) <= bytes.count else { return nil }
        defer { position += Int(length) }
        return String(decoding: bytes[position..<position + Int(length)], as: UTF8.self)
    }
}
