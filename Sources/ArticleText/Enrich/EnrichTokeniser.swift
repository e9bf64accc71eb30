import Foundation

/// Splits text into `EnrichToken`s in one pass over its scalars. Words are runs
/// of letters and marks (tatweel included); a hyphen or full stop between two
/// Latin letters stays inside the word ("Al-Khalidi", "Amazon.com"). Numbers
/// are digit runs in any digit set, with `.` `,` `٫` `٬` between digits kept.
enum EnrichTokeniser {
    static func tokens(of text: String) -> [EnrichToken] {
        tokens(of: text, scalars: Array(text.unicodeScalars))
    }

    /// The tokens of `text`, whose scalars the caller already holds. Each
    /// token's text is one copy of its UTF-8 bytes, and its folded form is
    /// folded and hashed in the same pass (the same string when folding
    /// changes nothing).
    static func tokens(of text: String, scalars: [Unicode.Scalar]) -> [EnrichToken] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [EnrichToken] = []
            tokens.reserveCapacity(scalars.count / 4)
            var folder = WordFolder()
            scalars.withUnsafeBufferPointer { scalars in
                let n = scalars.count
                var i = 0
                var offset = 0
                /// UTF-8 offset of scalar `j`, walking forward from scalar `i` at byte `offset`.
                func byteOffset(_ j: Int) -> Int {
                    var o = offset
                    for k in i..<j { o += UTF8.width(scalars[k]) }
                    return o
                }
                func make(_ kind: EnrichToken.Kind, _ end: Int) {
                    let endOffset = byteOffset(end)
                    let raw = UnsafeBufferPointer(rebasing: bytes[offset..<endOffset])
                    let text = String(decoding: raw, as: UTF8.self)
                    let folded = folder.fold(UnsafeBufferPointer(rebasing: scalars[i..<end]), text: text, raw: raw)
                    let script = kind == .word ? script(of: scalars[i..<end]) : .none
                    tokens.append(EnrichToken(kind: kind, script: script, start: i, end: end, text: text, folded: folded))
                    offset = endOffset
                    i = end
                }
                while i < n {
                    let s = scalars[i]
                    if isWordScalar(s) {
                        var j = i + 1
                        while j < n {
                            if isWordScalar(scalars[j]) {
                                j += 1
                            } else if (scalars[j] == "-" || scalars[j] == "." || scalars[j] == "'") && j + 1 < n
                                && isLatinLetter(scalars[j - 1]) && isLatinLetter(scalars[j + 1])
                                && !(scalars[j] == "'" && scalars[j + 1] == "s" && (j + 2 >= n || !isWordScalar(scalars[j + 2])))
                            {
                                j += 1
                            } else {
                                break
                            }
                        }
                        // "U.S.", "U.N.": an initialism keeps its final full stop.
                        if j < n, scalars[j] == ".", isInitialism(scalars[i..<j]) { j += 1 }
                        make(.word, j)
                    } else if isDigit(s) {
                        var j = i + 1
                        while j < n {
                            if isDigit(scalars[j]) {
                                j += 1
                            } else if isNumberSeparator(scalars[j]) && j + 1 < n && isDigit(scalars[j + 1]) {
                                j += 2
                            } else {
                                break
                            }
                        }
                        make(.number, j)
                    } else if s == "\n" {
                        make(.lineBreak, i + 1)
                    } else if s == " " || s == "\t" || s.value >= 0x80 && (s.properties.isWhitespace || isInvisible(s)) {
                        offset += UTF8.width(s)
                        i += 1
                    } else {
                        make(.punctuation, i + 1)
                    }
                }
            }
            return tokens
        }
    }

    static func script(of scalars: some Collection<Unicode.Scalar>) -> EnrichToken.Script {
        for s in scalars {
            let v = s.value
            if (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) || (0xFB50...0xFEFF).contains(v) {
                if v != 0x0640 { return .arabic }
            } else if isLatinLetter(s) {
                return .latin
            } else if (0x0400...0x04FF).contains(v) {
                return .cyrillic
            } else if s.properties.isAlphabetic {
                return .other
            }
        }
        return .other
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
        }
        if isDigit(s) { return false }
        if s.value >= 0x0621 && s.value <= 0x065F && s.value != 0x0640 || s.value == 0x0640 || s.value == 0x0670 {
            return true
        }
        let category = s.properties.generalCategory
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }

    /// Single capital letters joined by full stops: "U.S", "U.N", "E.U".
    private static func isInitialism(_ word: some Collection<Unicode.Scalar>) -> Bool {
        guard word.count >= 3, word.count % 2 == 1 else { return false }
        for (offset, scalar) in word.enumerated() {
            if offset % 2 == 0 {
                guard scalar.value >= 0x41 && scalar.value <= 0x5A else { return false }
            } else if scalar != "." {
                return false
            }
        }
        return true
    }

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        return (0x00C0...0x024F).contains(v) && v != 0xD7 && v != 0xF7
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v)
    }

    private static func isNumberSeparator(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "," || s == "\u{066B}" || s == "\u{066C}"
    }

    private static func isInvisible(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory == .format || s.properties.generalCategory == .control
    }
}
