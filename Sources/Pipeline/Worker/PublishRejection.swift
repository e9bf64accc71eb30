import Kafka

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
