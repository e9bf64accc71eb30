/// A tolerant HTML tokenizer over UTF-8 bytes, written for tag soup: it never
/// fails, takes unclosed tags, unquoted attributes and stray `<` as they
/// come, skips comments, doctypes and processing instructions, and reads the
/// contents of `<script>`, `<style>`, `<noscript>`, `<textarea>`, `<title>`
/// and similar elements as raw text up to their closing tag. Markup
/// characters are ASCII, so working on bytes is exact and fast.
struct HTMLTokenizer {
    /// Elements whose content is not markup.
    static let rawTextElements: Set<String> = [
        "script", "style", "noscript", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    ]
    /// Raw-text elements whose content is still text with references.
    static let escapableRawText: Set<String> = ["textarea", "title"]

    private let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func tokens() -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var i = 0
        let end = bytes.count
        var textStart = 0
        func flushText(_ upTo: Int) {
            if upTo > textStart { tokens.append(.text(HTMLEntities.decode(bytes, textStart..<upTo))) }
        }
        while i < end {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < end else {
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                flushText(i)
                i = skipDeclaration(from: i)
                textStart = i
            } else if next == UInt8(ascii: "?") {
                flushText(i)
                i = skip(past: UInt8(ascii: ">"), from: i + 2)
                textStart = i
            } else if next == UInt8(ascii: "/") {
                flushText(i)
                var j = i + 2
                let name = readName(&j)
                i = skip(past: UInt8(ascii: ">"), from: j)
                if !name.isEmpty { tokens.append(.endTag(name: name)) }
                textStart = i
            } else if isLetter(next) {
                flushText(i)
                var j = i + 1
                let name = readName(&j)
                var attributes = HTMLAttributes()
                var selfClosing = false
                j = readAttributes(from: j, into: &attributes, selfClosing: &selfClosing)
                i = j
                tokens.append(.startTag(name: name, attributes: attributes, selfClosing: selfClosing))
                if Self.rawTextElements.contains(name) && !selfClosing {
                    let (contentEnd, after) = findClosing(name, from: i)
                    if contentEnd > i {
                        if Self.escapableRawText.contains(name) {
                            tokens.append(.text(HTMLEntities.decode(bytes, i..<contentEnd)))
                        } else {
                            tokens.append(.rawText(String(decoding: bytes[i..<contentEnd], as: UTF8.self)))
                        }
                    }
                    tokens.append(.endTag(name: name))
                    i = after
                }
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(end)
        return tokens
    }

    /// Skips `<!-- … -->`, `<![CDATA[ … ]]>` or `<!DOCTYPE …>` starting at `start`.
    private func skipDeclaration(from start: Int) -> Int {
        if matches("<!--", at: start) {
            return find("-->", from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        if matches("<![CDATA[", at: start) {
            return find("]]>", from: start + 9).map { $0 + 3 } ?? bytes.count
        }
        return skip(past: UInt8(ascii: ">"), from: start + 2)
    }

    /// Reads a tag or attribute name at `j`, lower-cased, advancing `j`.
    private func readName(_ j: inout Int) -> String {
        let start = j
        while j < bytes.count {
            let b = bytes[j]
            if isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") || b == UInt8(ascii: "=") { break }
            j += 1
        }
        return lowercased(start..<j)
    }

    private func readAttributes(from start: Int, into attributes: inout HTMLAttributes, selfClosing: inout Bool) -> Int {
        var j = start
        let end = bytes.count
        while j < end {
            let b = bytes[j]
            if isSpace(b) {
                j += 1
                continue
            }
            if b == UInt8(ascii: ">") { return j + 1 }
            if b == UInt8(ascii: "/") {
                if j + 1 < end && bytes[j + 1] == UInt8(ascii: ">") {
                    selfClosing = true
                    return j + 2
                }
                j += 1
                continue
            }
            let nameStart = j
            var name = readName(&j)
            if j == nameStart {
                j += 1
                name = ""
            }
            while j < end && isSpace(bytes[j]) { j += 1 }
            var value = ""
            if j < end && bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < end && isSpace(bytes[j]) { j += 1 }
                if j < end && (bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'")) {
                    let quote = bytes[j]
                    let valueStart = j + 1
                    var k = valueStart
                    while k < end && bytes[k] != quote { k += 1 }
                    value = HTMLEntities.decode(bytes, valueStart..<k)
                    j = min(k + 1, end)
                } else {
                    let valueStart = j
                    while j < end && !isSpace(bytes[j]) && bytes[j] != UInt8(ascii: ">") { j += 1 }
                    value = HTMLEntities.decode(bytes, valueStart..<j)
                }
            }
            if !name.isEmpty { attributes.add(name, value) }
        }
        return end
    }

    /// Where the content of a raw-text element ends (`</name`) and where
    /// tokenizing resumes after its closing tag; the end of input when unclosed.
    private func findClosing(_ name: String, from start: Int) -> (Int, Int) {
        let nameBytes = Array(name.utf8)
        var i = start
        let end = bytes.count
        while let lt = find("</", from: i) {
            var k = lt + 2
            var matched = true
            for c in nameBytes {
                guard k < end, bytes[k] | 0x20 == c else {
                    matched = false
                    break
                }
                k += 1
            }
            if matched && (k >= end || isSpace(bytes[k]) || bytes[k] == UInt8(ascii: ">") || bytes[k] == UInt8(ascii: "/")) {
                return (lt, skip(past: UInt8(ascii: ">"), from: k))
            }
            i = lt + 2
        }
        return (end, end)
    }

    private func skip(past target: UInt8, from start: Int) -> Int {
        var i = start
        while i < bytes.count {
            if bytes[i] == target { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let p = needle.utf8Start
        guard n > 0 else { return start }
        var i = start
        let last = bytes.count - n
        while i <= last {
            if bytes[i] == p[0] {
                var k = 1
                while k < n && bytes[i + k] == p[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }

    private func matches(_ s: StaticString, at i: Int) -> Bool {
        let n = s.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        let p = s.utf8Start
        for k in 0..<n where bytes[i + k] | 0x20 != p[k] | 0x20 { return false }
        return true
    }

    /// The bytes of `range` with ASCII letters lower-cased, written straight
    /// into the string (a tag or attribute name fits in a small string, so
    /// most names allocate nothing).
    private func lowercased(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: range.count) { out in
                var n = 0
                for k in range {
                    let b = source[k]
                    out[n] = b >= 0x41 && b <= 0x5A ? b + 0x20 : b
                    n += 1
                }
                return n
            }
        }
    }

    @inline(__always) private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
    }

    @inline(__always) private func isLetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
