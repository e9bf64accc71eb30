import Kafka

/// What one input message became: the output records to publish (in order),
/// or one dead letter, plus counts for the stats.
public struct ProcessedMessage: Sendable {
    public enum Outcome: Sendable, Hashable {
        /// The input yielded this many articles.
        case articles(Int)
        /// The input failed at a stage; it goes to the dead-letter topic.
        case deadLettered(stage: DeadLetterStage, code: String)
    }

    public var input: KafkaMessage
    public var outputs: [KafkaProducerMessage]
    public var outcome: Outcome
}
