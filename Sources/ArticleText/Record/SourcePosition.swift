/// Where an input came from: `topic/partition/offset`. Absent offline.
public struct SourcePosition: Sendable, Hashable, Codable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64

    public init(topic: String, partition: Int32, offset: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
    }

    /// The `newswire-source` header form.
    public var headerValue: String { "\(topic)/\(partition)/\(offset)" }
}
