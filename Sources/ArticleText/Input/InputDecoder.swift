/// The first step of the normalise stage: turns the bytes of one message
/// (plain UTF-8 text, a JSON `article.raw` envelope, or an HTML page) into a
/// `SourceDocument` of plain text lines plus metadata.
///
/// Bad input never crashes it: empty, binary, oversized and invalid UTF-8
/// input, broken envelopes and pages without text each throw an
/// `ArticleTextError` with a stable code and one readable sentence, which
/// the pipeline puts on the dead-letter topic. The decoder does not
/// normalise the text; `Normaliser` does that next.
public enum InputDecoder {
    public static func decode(_ raw: RawArticle, limits: InputLimits = .init()) throws(ArticleTextError) -> SourceDocument {
        let text = try checkedText(raw.bytes, limits: limits)
        var format = raw.declaredFormat
        if format == .auto { format = detect(text, allowJSON: true) }
        switch format {
        case .json:
            if let envelope = try RawEnvelope.parse(text) { return try decodeEnvelope(envelope, raw: raw) }
            guard raw.declaredFormat == .auto else {
                throw ArticleTextError(.invalidEnvelope, stage: .normalise, reason: "the input was declared JSON but does not parse as JSON")
            }
            // A JSON object's opening (`{` then a quoted key) that does not
            // parse is a broken envelope (cut off, or nested past the
            // parser's depth limit), not an article; text that merely starts
            // with "{" is text.
            if opensJSONObject(text) {
                throw ArticleTextError(
                    .invalidEnvelope, stage: .normalise,
                    reason: "the input starts as a JSON object ({\"…) but does not parse as JSON (cut off, or nested too deep); send a complete article.raw envelope, or the article as text"
                )
            }
            return try decodePlain(text, raw: raw, base: DocumentMetadata())
        case .html:
            return try decodeHTML(text, raw: raw, base: DocumentMetadata())
        case .text, .auto:
            return try decodePlain(text, raw: raw, base: DocumentMetadata())
        }
    }

    /// Guesses the form of a decoded input: a JSON object, an HTML page, or
    /// plain text. Cheap: it looks at the first non-blank character and, for
    /// `<`, at the first few tags.
    public static func detect(_ text: String, allowJSON: Bool = true) -> InputFormat {
        var utf8 = text.utf8.drop(while: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C })
        guard let first = utf8.first else { return .text }
        if first == UInt8(ascii: "{") && allowJSON { return .json }
        utf8 = utf8.prefix(4096)
        return HTMLSniffer.looksLikeHTML(Array(utf8)) ? .html : .text
    }

    /// `{`, optional white space, then `"`: how every JSON object with a key
    /// begins, and how no sentence does.
    static func opensJSONObject(_ text: String) -> Bool {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
        var utf8 = text.utf8.drop(while: blank)
        guard utf8.first == UInt8(ascii: "{") else { return false }
        utf8 = utf8.dropFirst().drop(while: blank)
        return utf8.first == UInt8(ascii: "\"")
    }

    private static func checkedText(_ bytes: [UInt8], limits: InputLimits) throws(ArticleTextError) -> String {
        if bytes.count > limits.maxBytes {
            throw ArticleTextError(
                .tooLarge, stage: .normalise,
                reason: "the input is \(byteSize(bytes.count)), over the \(byteSize(limits.maxBytes)) limit"
            )
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || $0 == 0x0B }) {
            throw ArticleTextError(
                .emptyInput, stage: .normalise,
                reason: bytes.isEmpty ? "the input is empty" : "the input holds only whitespace"
            )
        }
        let (firstNUL, controls) = ByteChecks.controls(body)
        if let offset = firstNUL {
            throw ArticleTextError(
                .binaryInput, stage: .normalise,
                reason: "the input looks binary (a NUL byte at offset \(offset + body.startIndex))"
            )
        }
        if controls > 0 && Double(controls) > Double(body.count) * limits.maxControlShare {
            throw ArticleTextError(
                .binaryInput, stage: .normalise,
                reason: "the input looks binary (\(controls) control bytes in \(body.count))"
            )
        }
        // The standard library validates while it copies; only invalid input
        // is scanned again, for the offset the reason names.
        if let text = String(validating: body, as: UTF8.self) { return text }
        guard let offset = ByteChecks.firstInvalidUTF8(body) else { return String(decoding: body, as: UTF8.self) }
        throw ArticleTextError(
            .invalidUTF8, stage: .normalise,
            reason: "the input is not valid UTF-8 (first bad byte at offset \(offset + body.startIndex))"
        )
    }

    private static func decodeEnvelope(_ envelope: RawEnvelope, raw: RawArticle) throws(ArticleTextError) -> SourceDocument {
        var body = envelope.body
        if body.hasPrefix("\u{FEFF}") { body.removeFirst() }
        guard body.contains(where: { !$0.isWhitespace }) else {
            throw ArticleTextError(.emptyInput, stage: .normalise, reason: "the envelope's body is empty")
        }
        let base = DocumentMetadata(
            url: envelope.url, language: envelope.language, outlet: envelope.source,
            fetchedAt: envelope.fetchedAt.map { MetadataDate.iso($0) ?? $0 }
        )
        var format = envelope.bodyFormat
        if format == .auto { format = detect(body, allowJSON: false) }
        var document: SourceDocument
        if format == .html {
            document = try decodeHTML(body, raw: raw, base: base)
        } else {
            document = try decodePlain(body, raw: raw, base: base)
        }
        document.format = .json
        return document
    }

    private static func decodePlain(_ text: String, raw: RawArticle, base: DocumentMetadata) throws(ArticleTextError) -> SourceDocument {
        var metadata = base
        metadata.url = base.url ?? raw.url
        return SourceDocument(text: text, format: .text, metadata: metadata, receivedAt: raw.receivedAt)
    }

    private static func decodeHTML(_ html: String, raw: RawArticle, base: DocumentMetadata) throws(ArticleTextError) -> SourceDocument {
        let page = HTMLPage(html)
        let found = page.metadata
        var lines = page.lines
        if lines.isEmpty {
            // Script-rendered pages: what the page states about itself is all there is.
            lines = [found.title, page.summary].compactMap { $0 }
        }
        guard !lines.isEmpty else {
            throw ArticleTextError(.noText, stage: .normalise, reason: "the HTML page has no readable text")
        }
        let text = lines.joined(separator: "\n")
        var metadata = base
        metadata.url = base.url ?? found.url ?? raw.url
        metadata.language = base.language ?? found.language
        metadata.outlet = base.outlet ?? found.outlet
        metadata.title = found.title
        // The crawler's URL (envelope or transport) is the last place a date can be stated.
        metadata.publishedAt = found.publishedAt ?? [base.url, raw.url].compactMap { $0 }.lazy.compactMap(MetadataDate.fromURL).first
        metadata.updatedAt = found.updatedAt
        metadata.author = found.author
        return SourceDocument(text: text, format: .html, metadata: metadata, receivedAt: raw.receivedAt)
    }

    private static func byteSize(_ n: Int) -> String {
        if n >= 1024 * 1024 {
            let mib = Double(n) / (1024 * 1024)
            return mib == mib.rounded() ? "\(Int(mib)) MiB" : "\((mib * 10).rounded() / 10) MiB"
        }
        if n >= 1024 { return "\(n / 1024) KiB" }
        return "\(n) bytes"
    }
}
