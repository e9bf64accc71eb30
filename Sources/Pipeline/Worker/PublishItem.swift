import Kafka

/// What the lanes hand the publisher, in the order each lane must publish:
/// a message's records, a dead letter for a message the broker refused, a
/// message to send again after a transient failure, or the reason to stop.
enum PublishItem: Sendable {
    /// Send these records (the message's turn in its lane has come).
    case records(LaneTicket, PublishPlan)
    /// The broker refused a record of this message for good: send the
    /// message to the dead-letter topic with stage `publish`.
    case deadLetter(LaneTicket, input: KafkaMessage, rejection: PublishRejection)
    /// Some records failed transiently: after a backoff, send these outputs
    /// again (or the dead letter, when `rejection` is set).
    case retry(LaneTicket, input: KafkaMessage, outputs: [Int], attempt: Int, rejection: PublishRejection?)
    /// A retry whose backoff has passed: send now.
    case resend(LaneTicket, input: KafkaMessage, outputs: [Int], rejection: PublishRejection?)
    /// The core cannot go on.
    case fatal(WorkerError)
}
