import Kafka

/// How a worker connects, what it writes, and the bounds it keeps.
public struct WorkerConfiguration: Sendable {
    public var bootstrapServers: String
    public var group: String
    /// Topics to read; names starting with `^` are regular expressions.
    public var inputTopics: [String]
    public var processor: MessageProcessor
    /// The most messages in one batch handed over by the consumer.
    public var maxBatchSize = 500
    /// `session.timeout.ms`: how soon the group notices a member that died.
    public var sessionTimeout: Duration = .seconds(10)
    /// How often librdkafka reports partition positions and lag for `/stats`.
    public var statisticsInterval: Duration = .seconds(2)
    /// Raw librdkafka properties for every client (`--kafka-property`,
    /// `--kafka-config`, `NEWSWIRE_KAFKA_*`).
    public var kafkaProperties: [String: String] = [:]
    /// `group.instance.id` for static membership (`--instance-id`): a
    /// restarted member with the same id gets its partitions back without a rebalance.
    public var instanceID: String?
    /// Window, byte budget, commit rhythm, drain deadline.
    public var stream = StreamSettings()
    /// The time from SIGTERM to exit (`--shutdown-grace`): the drain, the
    /// final commit and the producer's flush all fit inside it, and the
    /// producer's `message.timeout.ms` is kept below it.
    public var shutdownGrace: Duration = .seconds(50)
    /// `/healthz` fails when the worker had work but made no progress this
    /// long (`--stall-timeout`).
    public var stallTimeout: Duration = .seconds(300)

    public init(bootstrapServers: String, group: String, inputTopics: [String], processor: MessageProcessor) {
        self.bootstrapServers = bootstrapServers
        self.group = group
        self.inputTopics = inputTopics
        self.processor = processor
    }

    /// The producer's `message.timeout.ms` unless the properties set it: half
    /// the shutdown grace, so a message still undelivered at SIGTERM gets its
    /// final report before the grace period ends.
    var messageTimeout: Duration { shutdownGrace / 2 }
}
