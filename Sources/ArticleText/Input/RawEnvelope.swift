import Foundation

/// The JSON raw-article envelope crawlers may send instead of a bare page:
/// `{"schema":"article.raw","schemaVersion":"1.0","url","source","fetchedAt",
/// "language","contentType","body"}`. Only `body` is required; `contentType`
/// `text/plain` or `text/html` says what the body is, anything else leaves the
/// decoder to detect it.
struct RawEnvelope {
    var body: String
    var url: String?
    var source: String?
    var fetchedAt: String?
    var language: String?
    var contentType: String?

    static let schemaName = "article.raw"

    /// Reads an envelope from JSON text; nil when the text is not JSON at all
    /// (the caller decides whether that is an error); throws, with one
    /// sentence saying why, when it is JSON but not a valid envelope.
    static func parse(_ text: String) throws(ArticleTextError) -> RawEnvelope? {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            // Not JSON at all: the caller decides (auto-detection reads it as text).
            return nil
        }
        guard let fields = object as? [String: Any] else {
            throw invalid("the JSON input is not an object, so it is not an article.raw envelope")
        }
        if let schema = fields["schema"] {
            guard let name = schema as? String, name == schemaName else {
                throw invalid("the JSON envelope's schema is \(describe(schema)), not \"\(schemaName)\"")
            }
        }
        if let version = fields["schemaVersion"] {
            guard let v = version as? String, v == "1" || v.hasPrefix("1.") else {
                throw invalid("the envelope's schemaVersion is \(describe(version)); this decoder reads version 1.x")
            }
        }
        guard let rawBody = fields["body"] else {
            throw invalid("the JSON envelope has no \"body\" field")
        }
        guard let body = rawBody as? String else {
            throw invalid("the JSON envelope's \"body\" is \(describe(rawBody)), not a string")
        }
        var envelope = RawEnvelope(body: body)
        envelope.url = try optionalString(fields, "url")
        envelope.source = try optionalString(fields, "source")
        envelope.fetchedAt = try optionalString(fields, "fetchedAt")
        envelope.language = try optionalString(fields, "language")
        envelope.contentType = try optionalString(fields, "contentType")
        return envelope
    }

    /// The declared body format: `.text`, `.html`, or `.auto` when the content
    /// type is missing or names something else.
    var bodyFormat: InputFormat {
        guard let contentType else { return .auto }
        let mediaType = contentType.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        switch mediaType {
        case "text/plain": return .text
        case "text/html", "application/xhtml+xml": return .html
        default: return .auto
        }
    }

    private static func optionalString(_ fields: [String: Any], _ key: String) throws(ArticleTextError) -> String? {
        guard let value = fields[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw invalid("the JSON envelope's \"\(key)\" is \(describe(value)), not a string")
        }
        let trimmed = string.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: "null"
        case let s as String: "\"\(printable(s.prefix(40)))\""
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        case let n as NSNumber: "the number \(n)"
        default: "a non-string value"
        }
    }

    /// A field's text as it may appear inside a one-line reason: controls,
    /// line and paragraph separators and invisible format characters (bidi
    /// overrides among them) become `\u{…}` escapes, quotes are escaped.
    private static func printable(_ text: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned:
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            default:
                if scalar == "\"" || scalar == "\\" { out.append("\\") }
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func invalid(_ reason: String) -> ArticleTextError {
        ArticleTextError(.invalidEnvelope, stage: .normalise, reason: reason)
    }
}
