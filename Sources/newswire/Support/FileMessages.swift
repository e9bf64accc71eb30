import Foundation
import Kafka

/// Files as Kafka messages: one message per file, keyed by the file name with
/// a content-type header from its extension; or, for JSON Lines, one message
/// per non-blank line.
enum FileMessages {
    static func messages(for file: URL, topic: String, lines: Bool) throws -> [KafkaProducerMessage] {
        let bytes = try InputFiles.read(file)
        let key = Array(file.lastPathComponent.utf8)
        guard lines else {
            let headers = [KafkaHeader(key: "content-type", string: InputFiles.contentType(of: file))]
            return [KafkaProducerMessage(topic: topic, key: key, value: bytes, headers: headers)]
        }
        let blank: Set<UInt8> = [0x20, 0x09, 0x0D]
        return bytes.split(separator: 0x0A)
            .filter { !$0.allSatisfy(blank.contains) }
            .map { KafkaProducerMessage(topic: topic, key: key, value: Array($0), headers: [KafkaHeader(key: "content-type", string: "application/json")]) }
    }
}
