import Kafka

/// How a worker connects and what it writes.
public struct WorkerConfiguration: Sendable {
    public var bootstrapServers: String
    public var group: String
    /// Topics to read; names starting with `^` are regular expressions.
    public var inputTopics: [String]
    public var processor: MessageProcessor
    /// The most messages handled (processed, published, committed) as one batch.
    public var maxBatchSize = 500
    /// `session.timeout.ms`: how soon the group notices a member that died.
    public var sessionTimeout: Duration = .seconds(10)
    /// How often librdkafka reports partition positions and lag for `/stats`.
    public var statisticsInterval: Duration = .seconds(2)
    /// Raw librdkafka properties for both clients (`--kafka-property`).
    public var kafkaProperties: [String: String] = [:]

    public init(bootstrapServers: String, group: String, inputTopics: [String], processor: MessageProcessor) {
        self.bootstrapServers = bootstrapServers
        self.group = group
        self.inputTopics = inputTopics
        self.processor = processor
    }
}
