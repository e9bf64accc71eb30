import Foundation

/// Splits text into `EnrichToken`s in one pass over its scalars. Words are runs
/// of letters and marks (tatweel included); a hyphen or full stop between two
/// Latin letters stays inside the word ("Al-Khalidi", "Amazon.com"). Numbers
/// are digit runs in any digit set, with `.` `,` `٫` `٬` between digits kept.
enum EnrichTokeniser {
    static func tokens(of text: String) -> [EnrichToken] {
        let scalars = Array(text.unicodeScalars)
        let bytes = Array(text.utf8)
        // UTF-8 offset of each scalar (and of the end), so a token's text is a byte copy.
        var utf8Offsets = [Int](repeating: 0, count: scalars.count + 1)
        var offset = 0
        for (index, scalar) in scalars.enumerated() {
            utf8Offsets[index] = offset
            offset += UTF8.width(scalar)
        }
        utf8Offsets[scalars.count] = offset
        func make(_ kind: EnrichToken.Kind, _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> EnrichToken {
            let text = String(decoding: bytes[utf8Offsets[start]..<utf8Offsets[end]], as: UTF8.self)
            let script = kind == .word ? script(of: scalars[start..<end]) : .none
            return EnrichToken(
                kind: kind, script: script, start: start, end: end, text: text, folded: FoldedWord(folding: text))
        }
        var tokens: [EnrichToken] = []
        tokens.reserveCapacity(scalars.count / 4)
        var i = 0
        let n = scalars.count
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
                tokens.append(make(.word, scalars, i, j))
                i = j
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
                tokens.append(make(.number, scalars, i, j))
                i = j
            } else if s == "\n" {
                tokens.append(make(.lineBreak, scalars, i, i + 1))
                i += 1
            } else if s == " " || s == "\t" || s.value >= 0x80 && (s.properties.isWhitespace || isInvisible(s)) {
                i += 1
            } else {
                tokens.append(make(.punctuation, scalars, i, i + 1))
                i += 1
            }
        }
        return tokens
    }

    static func script(of scalars: ArraySlice<Unicode.Scalar>) -> EnrichToken.Script {
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
