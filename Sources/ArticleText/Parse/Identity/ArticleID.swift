import Foundation

/// Stable article ids: 32 lowercase hex characters of SHA-256, from the
/// canonical URL when known, else from the normalised title and text, so
/// reprocessing the same input yields the same id (and Kafka key) always.
enum ArticleID {
    static func fromURL(_ url: String) -> String {
        String(SHA256.hex("url\u{0}" + url.trimmingCharacters(in: .whitespacesAndNewlines)).prefix(32))
    }

    static func fromContent(title: String?, paragraphs: [String]) -> String {
        let body = paragraphs.joined(separator: "\n\n")
        return String(SHA256.hex("content\u{0}" + (title ?? "") + "\u{0}" + body).prefix(32))
    }
}
