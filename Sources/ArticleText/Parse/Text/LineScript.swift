/// Which script a text is mostly written in, and whether a line is written
/// in the other one: a Latin site banner ("An official website of …",
/// "Flag", "1 MINUTE READ") above an Arabic article is page chrome, never
/// its headline.
enum LineScript: Sendable {
    case arabic, latin, unknown

    /// How many letters of the text are looked at.
    static let sampleLetters = 4_000

    /// The script most letters of `lines` are in (at least three for every
    /// two of the other), not counting addresses (words with "/"). Words are
    /// the runs between whitespace characters. A line whose characters each
    /// start at a scalar of their own where whitespace is concerned (no mark
    /// right after whitespace, no prepended scalar) is split scalar by scalar;
    /// any other line by `Character`, which on every line was 40% of the
    /// parse stage's instructions. Both give the same words.
    static func dominant(_ lines: [ArticleLine]) -> LineScript {
        var arabic = 0
        var latin = 0
        func add(_ word: some Sequence<Unicode.Scalar>) {
            for scalar in word {
                switch classify(scalar) {
                case .arabic: arabic += 1
                case .latin: latin += 1
                case .unknown: continue
                }
            }
        }
        outer: for line in lines {
            let scalars = line.text.unicodeScalars
            guard splitsByScalar(scalars) else {
                for word in line.text.split(whereSeparator: { $0.isWhitespace }) where !word.unicodeScalars.contains(where: { $0 == "/" }) {
                    add(word.unicodeScalars)
                    if arabic + latin >= sampleLetters { break outer }
                }
                continue
            }
            // One forward pass: each word's letters are counted as it is read
            // and added at its end unless it held a "/" (indexing the scalar
            // view word by word re-validated every index).
            var wordArabic = 0
            var wordLatin = 0
            var inWord = false
            var address = false
            for scalar in scalars {
                if isWhitespace(scalar) {
                    guard inWord else { continue }
                    if !address {
                        arabic += wordArabic
                        latin += wordLatin
                        if arabic + latin >= sampleLetters { break outer }
                    }
                    inWord = false
                    address = false
                    wordArabic = 0
                    wordLatin = 0
                    continue
                }
                inWord = true
                if scalar == "/" { address = true }
                switch classify(scalar) {
                case .arabic: wordArabic += 1
                case .latin: wordLatin += 1
                case .unknown: break
                }
            }
            if inWord, !address {
                arabic += wordArabic
                latin += wordLatin
                if arabic + latin >= sampleLetters { break outer }
            }
        }
        guard arabic + latin > 0 else { return .unknown }
        if arabic * 2 >= latin * 3 { return .arabic }
        if latin * 2 >= arabic * 3 { return .latin }
        return .unknown
    }

    /// Whether splitting at whitespace scalars gives the words splitting at
    /// whitespace characters gives: no scalar that continues the character
    /// before it (a mark, a joiner) right after whitespace, and no scalar
    /// that joins the one after it (the Arabic number signs and the other
    /// prepended scalars; any scalar beyond the BMP is treated as one).
    private static func splitsByScalar(_ scalars: String.UnicodeScalarView) -> Bool {
        var afterSpace = false
        for scalar in scalars {
            let v = scalar.value
            if v < 0x300 {
                afterSpace = isWhitespace(scalar)
                continue
            }
            switch v {
            case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x0D4E, 0x10000...: return false
            default: break
            }
            if afterSpace && extendsCharacter(scalar) { return false }
            afterSpace = isWhitespace(scalar)
        }
        return true
    }

    /// `Character.isWhitespace` of a character starting with `scalar`: the
    /// White_Space scalars, from a table rather than the property lookup.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        MatchKey.isSpace(scalar)
    }

    /// A scalar that can continue the character before it: a mark, a joiner,
    /// a variation selector, or one of the letters that extend as spacing
    /// marks (Thai and Lao sara am) or as sound marks (half-width katakana).
    private static func extendsCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E33, 0x0EB3, 0x200C, 0x200D, 0xFE00...0xFE0F, 0xFF9E...0xFF9F: return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether the line's letters are all (but one in ten) of a script other
    /// than `dominant`.
    static func isForeign(_ line: ArticleLine, dominant: LineScript) -> Bool {
        guard dominant != .unknown else { return false }
        var same = 0
        var other = 0
        for scalar in line.text.unicodeScalars.prefix(ArticleLine.headScalars) {
            let script = classify(scalar)
            if script == .unknown { continue }
            if script == dominant { same += 1 } else { other += 1 }
        }
        return other > 0 && same * 10 <= other
    }

    static func classify(_ scalar: Unicode.Scalar) -> LineScript {
        switch scalar.value {
        case 0x0620...0x064A, 0x066E...0x06D3, 0x06FA...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
            return .arabic
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
            return .latin
        default:
            return .unknown
        }
    }
}
