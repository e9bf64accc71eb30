/// Splits a line into `Token`s after folding it with `MatchKey`, in one pass
/// over its scalars. `limit` bounds the tokens read, so a huge line costs at
/// most that much.
enum Tokenizer {
    static func tokens(_ line: some StringProtocol, limit: Int = 4096) -> [Token] {
        var tokens: [Token] = []
        var current: [Unicode.Scalar] = []
        var currentKind: Token.Kind?
        var value = 0
        var digits = 0
        var spaced = false
        var pendingSpace = false

        func flush() {
            guard let kind = currentKind else { return }
            tokens.append(Token(kind: kind, text: MatchKey.string(current), value: value, digits: digits, spaced: spaced))
            current.removeAll(keepingCapacity: true)
            currentKind = nil
            value = 0
            digits = 0
        }

        var folded: [Unicode.Scalar] = []
        for original in line.unicodeScalars {
            if tokens.count >= limit { break }
            folded.removeAll(keepingCapacity: true)
            MatchKey.append(original, to: &folded)
            for scalar in folded {
                let kind: Token.Kind?
                if scalar.value >= 0x30 && scalar.value <= 0x39 {
                    kind = .number
                } else if MatchKey.isSpace(scalar) {
                    kind = nil
                } else if isWordScalar(scalar) {
                    kind = .word
                } else {
                    kind = .symbol
                }
                guard let kind else {
                    flush()
                    pendingSpace = true
                    continue
                }
                if kind != currentKind || kind == .symbol {
                    flush()
                    currentKind = kind
                    spaced = pendingSpace || tokens.isEmpty
                    pendingSpace = false
                }
                current.append(scalar)
                if kind == .number {
                    digits += 1
                    if value < 1_000_000 { value = value * 10 + Int(scalar.value - 0x30) }
                }
            }
        }
        if tokens.count < limit { flush() }
        return tokens
    }

    /// A letter or a combining mark. ASCII and the Arabic letters and
    /// harakat (U+0620–U+065F, all letters or nonspacing marks) are decided
    /// without the Unicode property tables, which cost about 300
    /// instructions a lookup; the answer is the same.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) }
        if v >= 0x0620 && v <= 0x065F { return true }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
    }
}
