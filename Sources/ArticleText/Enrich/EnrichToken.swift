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

    /// First scalar is an upper-case letter.
    var isCapitalised: Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }

    /// Two or more letters, all upper case ("US", "NATO", "PARIS").
    var isAllCaps: Bool {
        var letters = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 2
    }
}
