import Kafka

/// Inputs as Kafka messages: one message per input, keyed by its file name
/// (`stdin` for standard input) with a content-type header from its
/// extension; or, for JSON Lines, one message per non-blank line.
enum FileMessages {
    static func messages(for input: NamedInput, topic: String, lines: Bool) -> [KafkaProducerMessage] {
        let key = Array(input.fileName.utf8)
        guard lines else {
            let headers = [KafkaHeader(key: "content-type", string: InputFiles.contentType(ofName: input.fileName))]
            return [KafkaProducerMessage(topic: topic, key: key, value: input.bytes, headers: headers)]
        }
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        return input.bytes.split(separator: 0x0A)
            .filter { !$0.allSatisfy(blank.contains) }
            .map { KafkaProducerMessage(topic: topic, key: key, value: Array($0), headers: [KafkaHeader(key: "content-type", string: "application/json")]) }
    }
}
