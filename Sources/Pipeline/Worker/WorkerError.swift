import Kafka

/// Why a worker (or a replay) stopped: each case reads as one sentence that
/// says what happened and what to do.
public enum WorkerError: Error, Sendable, CustomStringConvertible {
    /// librdkafka raised a fatal error (a fenced producer or static member, a
    /// fatal idempotence error, no authorisation for the cluster or group).
    case fatal(KafkaError)
    /// The dead-letter topic refused a dead letter, so the input could be
    /// neither processed nor put aside; stopping loses nothing (its offset is
    /// not committed), carrying on would.
    case deadLetterRefused(topic: String, KafkaError)

    public var description: String {
        switch self {
        case .fatal(let error):
            "the Kafka client hit a fatal error and cannot continue (\(error.message) [\(error.name)]); nothing unacknowledged was committed, so a restarted worker reprocesses it"
        case .deadLetterRefused(let topic, let error):
            "the dead-letter topic \(topic) refused a dead letter (\(error.message) [\(error.name)]); check that the topic exists and that this worker may write to it, then restart: nothing after that input was committed"
        }
    }
}
