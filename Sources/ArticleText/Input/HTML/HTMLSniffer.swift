/// Decides cheaply whether a text that starts with `<` is an HTML page (or
/// fragment) rather than plain text that happens to start with a bracket:
/// one of the markers below (ASCII case ignored) must occur, and a text that
/// does not open with `<` must also hold an end tag (`</`). One pass over the
/// bytes, stopping at each `<` only: no Foundation string search, which on
/// Linux is locale-aware and was most of the decoder's time.
enum HTMLSniffer {
    /// Every marker starts with `<` and is lower-case ASCII.
    private static let markers: [[UInt8]] = [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article",
        "<section", "<span", "<br", "<h1", "<h2", "<a ", "<table", "<ul", "<script", "<link", "<!--",
    ].map { Array($0.utf8) }

    static func looksLikeHTML(_ prefix: [UInt8]) -> Bool {
        var marker = false
        var endTag = false
        prefix.withUnsafeBufferPointer { bytes in
            var i = 0
            while i < bytes.count, !(marker && endTag) {
                if bytes[i] == UInt8(ascii: "<") {
                    if !endTag, i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") { endTag = true }
                    if !marker { marker = markers.contains { startsWith($0, bytes, at: i) } }
                }
                i += 1
            }
        }
        return marker && (endTag || opensWithBracket(prefix))
    }

    /// Whether `bytes[at...]` starts with `marker`, ASCII letters compared without case.
    private static func startsWith(_ marker: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard bytes.count - start >= marker.count else { return false }
        for k in 1..<marker.count {
            let b = bytes[start + k]
            let lowered = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
            if lowered != marker[k] { return false }
        }
        return true
    }

    /// Whether the first character that is not white space is a bare `<`
    /// (not one a combining mark attaches to).
    private static func opensWithBracket(_ prefix: [UInt8]) -> Bool {
        var scalars = String(decoding: prefix, as: UTF8.self).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar.properties.isWhitespace { continue }
            guard scalar == "<" else { return false }
            guard let next = scalars.next() else { return true }
            return !next.properties.isGraphemeExtend && next.properties.generalCategory != .spacingMark
                && next.value != 0x200D
        }
        return false
    }
}
