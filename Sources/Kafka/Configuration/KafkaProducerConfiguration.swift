/// A producer's settings, as typed fields for the common librdkafka keys and
/// `properties` for anything else (`properties` wins over the typed fields).
///
/// Idempotence is on by default, so retries never duplicate or reorder messages.
public struct KafkaProducerConfiguration: Sendable {
    /// `bootstrap.servers`.
    public var bootstrapServers: String
    /// `client.id`.
    public var clientID: String?
    /// `enable.idempotence`.
    public var enableIdempotence = true
    /// `transactional.id`: set to use the transactions API.
    public var transactionalID: String?
    /// `linger.ms`: how long to wait to fill a batch.
    public var linger: Duration?
    /// `queue.buffering.max.messages`: the local queue size; when full, `send` awaits.
    public var maxQueuedMessages: Int?
    /// `message.timeout.ms`: how long librdkafka tries before reporting a delivery failure.
    public var messageTimeout: Duration?
    /// `compression.codec` (`none`, `gzip`, `snappy`, `lz4`, `zstd`).
    public var compression: String?
    /// `statistics.interval.ms`; statistics are off when nil.
    public var statisticsInterval: Duration?
    /// Raw librdkafka properties.
    public var properties: [String: String] = [:]

    public init(bootstrapServers: String) {
        self.bootstrapServers = bootstrapServers
    }

    var librdkafkaProperties: [String: String] {
        var result: [String: String] = [
            "bootstrap.servers": bootstrapServers,
            "enable.idempotence": enableIdempotence ? "true" : "false",
        ]
        result["client.id"] = clientID
        result["transactional.id"] = transactionalID
        result["linger.ms"] = linger.map { "\(RDKafkaClient.milliseconds($0))" }
        result["queue.buffering.max.messages"] = maxQueuedMessages.map { "\($0)" }
        result["message.timeout.ms"] = messageTimeout.map { "\(RDKafkaClient.milliseconds($0))" }
        result["compression.codec"] = compression
        result["statistics.interval.ms"] = statisticsInterval.map { "\(RDKafkaClient.milliseconds($0))" }
        result.merge(properties) { _, raw in raw }
        return result
    }
}
