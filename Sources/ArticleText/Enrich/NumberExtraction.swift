/// Numbers in the text — digits of either set ("1800", "١٢"), with a
/// multiplier word ("2 billion", "505 آلاف", "$280bn") or as simple number
/// words ("two", "ثلاث") — with what they count: the noun right after
/// ("1800 مشارك", "12 متحدثاً", skipping one "من"/"of"), "percent" after a
/// percent sign or word, or the currency before or after.
enum NumberExtraction: EnrichmentStep {
    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let words = NumberWords.shared
        let tokens = input.tokens
        var mentions: [NumberMention] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            var value: Double
            if token.kind == .number, let parsed = parse(token.folded.string) {
                value = parsed
            } else if token.isWord, let word = words.values[token.folded] {
                value = word
            } else {
                i += 1
                continue
            }
            var start = token.start
            var end = token.end
            var unit: String?
            var j = i + 1
            if i > 0, tokens[i - 1].end == token.start, let code = words.currencies[FoldedWord(tokens[i - 1].text)] {
                start = tokens[i - 1].start
                unit = code
            }
            if token.kind == .number, j < tokens.count, tokens[j].isWord, let factor = words.multipliers[tokens[j].folded],
                factor > 1
            {
                value *= factor
                end = tokens[j].end
                j += 1
            }
            if j < tokens.count, words.percentWords.contains(tokens[j].folded) {
                unit = "percent"
                end = tokens[j].end
                j += 1
            } else if j + 1 < tokens.count, tokens[j].isWord, tokens[j + 1].isWord,
                words.percentWords.contains(FoldedWord(phrase: tokens[j].folded, tokens[j + 1].folded))
            {
                unit = "percent"
                end = tokens[j + 1].end
                j += 2
            } else if unit == nil, !isYear(value, token, multiplied: end != token.end),
                let counted = countedNoun(after: j, in: tokens)
            {
                unit = words.currencies[counted.folded] ?? counted.text
                end = counted.end
            }
            mentions.append(NumberMention(text: input.slice(start, end), value: value, unit: unit, start: start, end: end))
            i = max(j, i + 1)
        }
        result.numbers = mentions
    }

    /// A bare four-digit number from 1900 to 2099 is read as a year: it counts nothing.
    private static func isYear(_ value: Double, _ token: EnrichToken, multiplied: Bool) -> Bool {
        !multiplied && token.kind == .number && token.folded.count == 4 && value >= 1900 && value < 2100
    }

    /// The noun a number counts: the next word, or the one after "من"/"of".
    private static func countedNoun(after index: Int, in tokens: [EnrichToken]) -> EnrichToken? {
        guard index < tokens.count, tokens[index].isWord else { return nil }
        var candidate = tokens[index]
        if candidate.folded == "من" || candidate.folded == "of", index + 1 < tokens.count, tokens[index + 1].isWord {
            candidate = tokens[index + 1]
        }
        if StopWords.contains(candidate.folded, language: nil) && NumberWords.shared.currencies[candidate.folded] == nil {
            return nil
        }
        if NumberWords.shared.values[candidate.folded] != nil { return nil }
        return candidate
    }

    /// The value of a folded digit run: "," or "٬" before exactly three digits
    /// groups thousands, "." or "٫" marks decimals.
    static func parse(_ folded: String) -> Double? {
        var digits = ""
        let scalars = Array(folded.unicodeScalars)
        var k = 0
        while k < scalars.count {
            let s = scalars[k]
            if s == "," || s == "\u{066C}" {
                let rest = scalars[(k + 1)...].prefix { $0.properties.numericType != nil }
                if rest.count != 3 { digits.append(".") }
            } else if s == "." || s == "\u{066B}" {
                if digits.contains(".") { return nil }
                digits.append(".")
            } else {
                digits.unicodeScalars.append(s)
            }
            k += 1
        }
        return Double(digits)
    }
}
