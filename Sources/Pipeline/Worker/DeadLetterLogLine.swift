import Kafka

/// The one warning line the worker logs per dead letter: where the input
/// was, the stage and code, and the reason cut short — never the input's
/// text, which stays in the dead-letter topic.
enum DeadLetterLogLine {
    /// Reasons are one sentence; a longer one (a broker's message) is cut here.
    static let reasonLimit = 200

    static func make(input: KafkaMessage, letter: KafkaProducerMessage) -> String {
        func header(_ name: String) -> String {
            letter.headers.first { $0.key == name }?.stringValue ?? "?"
        }
        var reason = header(HeaderName.deadLetterReason)
        if reason.unicodeScalars.count > reasonLimit {
            reason = String(String.UnicodeScalarView(reason.unicodeScalars.prefix(reasonLimit - 1))) + "…"
        }
        return "dead letter: \(input.topicPartition) offset \(input.offset.rawValue), stage \(header(HeaderName.deadLetterStage)), "
            + "code \(header(HeaderName.deadLetterCode)): \(reason)"
    }
}
