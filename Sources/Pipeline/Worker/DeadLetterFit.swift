import ArticleText
import Kafka

/// Makes a dead letter fit the producer's `message.max.bytes`.
///
/// A dead letter keeps the input's bytes, and the input may be larger than
/// the output side allows (a 1.5 MB input on a cluster taking 1 MB). Such a
/// letter carries the head of the value instead, with headers saying it is
/// truncated, the original size and the SHA-256 of the whole value, so the
/// input can still be found and checked; nothing is dropped without a trace.
enum DeadLetterFit {
    /// Room left for per-record framing librdkafka may add beyond `wireSize`.
    static let margin = 64

    static func fit(_ letter: KafkaProducerMessage, limit: Int, wireSize: (KafkaProducerMessage) -> Int) -> KafkaProducerMessage {
        guard wireSize(letter) > limit, let value = letter.value else { return letter }
        var truncated = letter
        truncated.headers = letter.headers.map { header in
            header.key == HeaderName.schemaVersion ? KafkaHeader(key: header.key, string: DeadLetterHeaders.truncatedVersion.description) : header
        } + [
            KafkaHeader(key: HeaderName.deadLetterTruncated, string: "true"),
            KafkaHeader(key: HeaderName.deadLetterOriginalSize, string: String(value.count)),
            KafkaHeader(key: HeaderName.deadLetterSHA256, string: SHA256.hex(SHA256.digest(value))),
        ]
        truncated.value = []
        let room = limit - wireSize(truncated) - margin
        truncated.value = Array(value.prefix(max(0, room)))
        return truncated
    }
}
