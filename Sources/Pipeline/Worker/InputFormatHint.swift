import ArticleText
import Kafka

/// The input form a message declares in its `content-type` header; `auto`
/// lets the decoder detect it when the header is missing or unknown.
enum InputFormatHint {
    static func format(of message: KafkaMessage) -> InputFormat {
        guard let contentType = message.header("content-type")?.stringValue?.lowercased() else { return .auto }
        let mediaType = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        switch mediaType {
        case "text/html", "application/xhtml+xml": return .html
        case "application/json": return .json
        case "text/plain": return .text
        default: return .auto
        }
    }
}
