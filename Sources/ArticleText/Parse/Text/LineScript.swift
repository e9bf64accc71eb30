/// Which script a text is mostly written in, and whether a line is written
/// in the other one: a Latin site banner ("An official website of …",
/// "Flag", "1 MINUTE READ") above an Arabic article is page chrome, never
/// its headline.
enum LineScript: Sendable {
    case arabic, latin, unknown

    /// How many letters of the text are looked at.
    static let sampleLetters = 4_000

    /// The script most letters of `lines` are in (at least three for every
    /// two of the other), not counting addresses (words with "/").
    static func dominant(_ lines: [ArticleLine]) -> LineScript {
        var arabic = 0
        var latin = 0
        outer: for line in lines {
            for word in line.text.split(whereSeparator: { $0.isWhitespace }) where !word.unicodeScalars.contains(where: { $0 == "/" }) {
                for scalar in word.unicodeScalars {
                    switch classify(scalar) {
                    case .arabic: arabic += 1
                    case .latin: latin += 1
                    case .unknown: continue
                    }
                }
                if arabic + latin >= sampleLetters { break outer }
            }
        }
        guard arabic + latin > 0 else { return .unknown }
        if arabic * 2 >= latin * 3 { return .arabic }
        if latin * 2 >= arabic * 3 { return .latin }
        return .unknown
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
