/// One token of an article's text: a word, a number, a line break or a single
/// punctuation scalar, with its position in Unicode scalars and its folded form.
struct EnrichToken: Sendable {
    enum Kind: Sendable, Equatable {
        case word
        case number
        case lineBreak
        case punctuation
    }

    enum Script: Sendable, Equatable {
        case arabic
        case latin
        case cyrillic
        case other
        case none
    }

    var kind: Kind
    var script: Script
    /// Scalar offsets into the article text, end exclusive.
    var start: Int
    var end: Int
    var text: String
    /// `Normaliser.fold` of `text`, hashed once for the word lists.
    var folded: FoldedWord

    var isWord: Bool { kind == .word }

    /// First scalar is an upper-case letter. ASCII is decided without the
    /// Unicode property tables (the same answer: only A–Z are upper case).
    var isCapitalised: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        if first.value < 0x80 { return first.value >= 0x41 && first.value <= 0x5A }
        return first.properties.isUppercase
    }

    /// Two or more letters, all upper case ("US", "NATO", "PARIS"). ASCII is
    /// decided without the Unicode property tables (the same answer: the
    /// ASCII letters are A–Z, upper case, and a–z, lower case).
    var isAllCaps: Bool {
        var letters = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { return false }
                if v >= 0x41 && v <= 0x5A { letters += 1 }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
