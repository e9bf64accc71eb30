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

/// Why a message became a `publish` dead letter: the code and sentence its
/// headers carry.
struct PublishRejection: Sendable, Hashable {
    var code: String
    var reason: String

    /// From a broker's or librdkafka's refusal of a record for `topic`.
    init(refused error: KafkaError, topic: String) {
        switch error.code {
        case .messageSizeTooLarge, .recordListTooLarge, .invalidMessageSize: code = "record-too-large"
        case .topicAuthorizationFailed: code = "topic-authorization-failed"
        case .unknownTopicOrPartition, .unknownTopicLocal, .unknownPartition: code = "unknown-topic"
        case .invalidRecord, .corruptMessage: code = "invalid-record"
        case .policyViolation: code = "policy-violation"
        case .invalidTopic: code = "invalid-topic"
        default: code = "record-rejected"
        }
        reason = "the broker refused the record for \(topic): \(error.message) (\(error.name))"
    }

    init(code: String, reason: String) {
        self.code = code
        self.reason = reason
    }
}
