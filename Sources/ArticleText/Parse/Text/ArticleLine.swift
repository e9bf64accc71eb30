/// One non-empty line of an article's text, with its folded lookup keys,
/// its size, and what the parse tables say it is (worked out once, here).
/// Only a bounded head and tail of a line are folded, and words are counted
/// up to a cap, so each line costs a bounded amount beyond being copied.
struct ArticleLine: Sendable, Hashable {
    /// How many scalars of a line's start and end are folded into keys.
    static let headScalars = 256
    static let tailScalars = 64
    /// Word counts stop here; no decision needs more.
    static let wordCap = 100

    /// The line as written, trimmed.
    var text: String
    /// The folded line (its first `headScalars` scalars), inner whitespace
    /// collapsed, edge punctuation trimmed.
    var key: String
    /// The folded last `tailScalars` scalars, trimmed the same way.
    var tailKey: String
    /// Whether `key` covers the whole line.
    var isWhole: Bool
    /// Words, counted up to `wordCap`.
    var wordCount: Int
    /// Letters, counted up to 4 (only "three or fewer" matters).
    var letterCount: Int
    /// The related-block header the line is, if any.
    var relatedHeader: RelatedBlock.Header?

    init(_ text: String) {
        self.text = text
        let scalars = text.unicodeScalars
        var words = 0
        var letters = 0
        var inWord = false
        var count = 0
        for scalar in scalars {
            count += 1
            if MatchKey.isSpace(scalar) {
                inWord = false
            } else {
                if !inWord { words += 1 }
                inWord = true
                if letters < 4, scalar.properties.isAlphabetic { letters += 1 }
            }
            if words > ArticleLine.wordCap, letters >= 4 { break }
        }
        wordCount = min(words, ArticleLine.wordCap)
        letterCount = letters
        // The head and tail are copied into arrays first: folding a slice of
        // the scalar view counted it and re-validated every index.
        var head: [Unicode.Scalar] = []
        head.reserveCapacity(min(text.utf8.count, ArticleLine.headScalars))
        var whole = true
        for scalar in scalars {
            guard head.count < ArticleLine.headScalars else {
                whole = false
                break
            }
            head.append(scalar)
        }
        key = ArticleLine.key(head)
        isWhole = whole
        tailKey = whole ? key : ArticleLine.key(Array(scalars.suffix(ArticleLine.tailScalars)))
        relatedHeader = nil
        relatedHeader = RelatedBlock.header(self)
    }

    /// A body paragraph rather than a header, byline or list line.
    var isLong: Bool { wordCount >= 14 }

    /// Page noise: too few letters to be text ("0:57", "A+", "10:07 ت م").
    var isNoise: Bool { letterCount <= 3 }

    private static let edge: Set<UInt32> = Set(":：-–—|،,. •»«\"”“*/".unicodeScalars.map(\.value))

    /// The folded, whitespace-collapsed form of `text` with leading and
    /// trailing punctuation and spaces trimmed; tables are keyed the same way.
    static func key(_ text: some StringProtocol) -> String { key(text.unicodeScalars) }

    static func key(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        // `MatchKey.append` (the search fold) inlined: one table lookup per
        // scalar, no per-scalar array.
        let table = FoldTable.shared
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(scalars.underestimatedCount)
        var space = false
        func put(_ f: Unicode.Scalar) {
            if MatchKey.isSpace(f) {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(f)
            }
        }
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                put(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
                continue
            }
            let entry = table.entry(v)
            if entry == FoldTable.keep {
                put(scalar)
            } else if entry != FoldTable.remove {
                let start = Int(entry >> 8)
                for k in start..<(start + Int(entry & 0xFF)) {
                    if let folded = Unicode.Scalar(table.replacements[k]) { put(folded) }
                }
            }
        }
        var start = 0
        var end = out.count
        while end > start, edge.contains(out[end - 1].value) { end -= 1 }
        while start < end, edge.contains(out[start].value) { start += 1 }
        return MatchKey.string(out[start..<end])
    }
}
