/// A consumer's settings, as typed fields for the common librdkafka keys and
/// `properties` for anything else (any key of librdkafka's CONFIGURATION.md;
/// `properties` wins over the typed fields).
///
/// Defaults suit an application that commits explicit offsets after its work
/// is done: `enable.auto.commit=false`, start from the earliest offset.
public struct KafkaConsumerConfiguration: Sendable {
    /// `bootstrap.servers`: `host:port[,host:port...]`.
    public var bootstrapServers: String
    /// `group.id`.
    public var groupID: String
    /// `client.id`.
    public var clientID: String?
    /// `auto.offset.reset`.
    public var autoOffsetReset: KafkaAutoOffsetReset = .earliest
    /// `enable.auto.commit`; off, because the application commits explicit offsets.
    public var enableAutoCommit = false
    /// `session.timeout.ms`; librdkafka's default (45 s) when nil.
    public var sessionTimeout: Duration?
    /// `heartbeat.interval.ms`.
    public var heartbeatInterval: Duration?
    /// `max.poll.interval.ms`: the longest the application may go without asking for events.
    public var maxPollInterval: Duration?
    /// `partition.assignment.strategy`.
    public var assignmentStrategy: KafkaAssignmentStrategy = .cooperativeSticky
    /// `enable.partition.eof`: deliver `.partitionEOF` events.
    public var enablePartitionEOF = false
    /// `isolation.level`: read only committed transactional messages.
    public var readCommitted = true
    /// `statistics.interval.ms`; statistics are off when nil.
    public var statisticsInterval: Duration?
    /// The most messages in one `.messages` batch.
    public var maxBatchSize = 1000
    /// The most bytes (keys, values, headers) in one `.messages` batch; a
    /// batch always holds at least one message.
    public var maxBatchBytes = 1 << 20
    /// How many events may wait for the application before fetching pauses.
    public var bufferedEvents = 8
    /// How many bytes of messages may wait for the application before
    /// fetching pauses: copied-out messages are bounded by bytes, not only by
    /// count, so large messages cannot pile up.
    public var bufferedBytes = 8 << 20
    /// Raw librdkafka properties.
    public var properties: [String: String] = [:]

    public init(bootstrapServers: String, groupID: String) {
        self.bootstrapServers = bootstrapServers
        self.groupID = groupID
    }

    var librdkafkaProperties: [String: String] {
        var result: [String: String] = [
            "bootstrap.servers": bootstrapServers,
            "group.id": groupID,
            "auto.offset.reset": autoOffsetReset.rawValue,
            "enable.auto.commit": enableAutoCommit ? "true" : "false",
            "partition.assignment.strategy": assignmentStrategy.rawValue,
            "enable.partition.eof": enablePartitionEOF ? "true" : "false",
            "isolation.level": readCommitted ? "read_committed" : "read_uncommitted",
        ]
        result["client.id"] = clientID
        result["session.timeout.ms"] = sessionTimeout.map { "\(RDKafkaClient.milliseconds($0))" }
        result["heartbeat.interval.ms"] = heartbeatInterval.map { "\(RDKafkaClient.milliseconds($0))" }
        result["max.poll.interval.ms"] = maxPollInterval.map { "\(RDKafkaClient.milliseconds($0))" }
        result["statistics.interval.ms"] = statisticsInterval.map { "\(RDKafkaClient.milliseconds($0))" }
        result.merge(properties) { _, raw in raw }
        return result
    }
}
