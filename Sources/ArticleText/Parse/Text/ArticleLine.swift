/// One non-empty line of an article's text, with its folded lookup key and
/// its size. Paragraph, header, block and boilerplate decisions are made on
/// these.
struct ArticleLine: Sendable, Hashable {
    /// The line as written, trimmed.
    var text: String
    /// The folded line, inner whitespace collapsed, edge punctuation trimmed.
    var key: String
    var wordCount: Int
    /// How many letters the line has (digits and symbols do not count).
    var letterCount: Int

    init(_ text: String) {
        self.text = text
        key = ArticleLine.key(text)
        var words = 0
        var letters = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
                if scalar.properties.isAlphabetic { letters += 1 }
            }
        }
        wordCount = words
        letterCount = letters
    }

    /// A body paragraph rather than a header, byline or list line.
    var isLong: Bool { wordCount >= 14 }

    /// Page noise: too few letters to be text ("0:57", "A+", "10:07 ت م").
    var isNoise: Bool { letterCount <= 3 }

    /// The folded, whitespace-collapsed form of `text` with leading and
    /// trailing punctuation and spaces trimmed; tables are keyed the same way.
    static func key(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var folded = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            folded.removeAll(keepingCapacity: true)
            MatchKey.append(scalar, to: &folded)
            for f in folded {
                if f.properties.isWhitespace {
                    space = !out.isEmpty
                } else {
                    if space { out.append(" ") }
                    space = false
                    out.append(f)
                }
            }
        }
        let edge: Set<Character> = [":", "：", "-", "–", "—", "|", "،", ",", ".", " ", "•", "»", "«", "\"", "”", "“", "*", "/"]
        var result = Substring(String(out))
        while let last = result.last, edge.contains(last) { result.removeLast() }
        while let first = result.first, edge.contains(first) { result.removeFirst() }
        return String(result)
    }
}
