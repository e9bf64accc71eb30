import Testing

@testable import ArticleText

/// `LineScript.dominant` splits most lines into words scalar by scalar; it
/// must count exactly the letters that splitting by `Character` counts.
@Suite(.timeLimit(.minutes(2))) struct ParseLineScriptTests {
    /// The split by `Character`, as the parser did it before.
    static func reference(_ lines: [ArticleLine]) -> LineScript {
        var arabic = 0
        var latin = 0
        outer: for line in lines {
            for word in line.text.split(whereSeparator: { $0.isWhitespace }) where !word.unicodeScalars.contains(where: { $0 == "/" }) {
                for scalar in word.unicodeScalars {
                    switch LineScript.classify(scalar) {
                    case .arabic: arabic += 1
                    case .latin: latin += 1
                    case .unknown: continue
                    }
                }
                if arabic + latin >= LineScript.sampleLetters { break outer }
            }
        }
        guard arabic + latin > 0 else { return .unknown }
        if arabic * 2 >= latin * 3 { return .arabic }
        if latin * 2 >= arabic * 3 { return .latin }
        return .unknown
    }

    @Test func theWhitespaceTableIsUnicodesWhiteSpace() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(MatchKey.isSpace(scalar) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    @Test func theScalarSplitAgreesWithTheCharacterSplit() {
        let texts: [[String]] = [
            ["قال الوزير إن the talks went well"],
            ["abc defg", "هذا نص"],
            ["ab \u{0670}\u{0670}\u{0670}\u{0670}\u{0670} cd"],
            ["ab\u{0600} \u{0627}\u{0627}\u{0627}\u{0627}\u{0627}\u{0627}/x"],
            ["https://example.com/ar/news قراءة", "www.example.com/x"],
            ["a\u{3000}\u{0670}\u{0670}\u{0670}\u{0670}\u{0670}b"],
            ["\u{00A0}\u{0651}\u{0627}\u{0627}\u{0627} abc", "\r\nab\u{2028}cd\u{0085}ef"],
            [String(repeating: "كلمة ", count: 900) + String(repeating: "word ", count: 2000)],
            [String(repeating: "word ", count: 1000), String(repeating: "كلمة ", count: 900)],
            ["", "   ", "123 456"],
        ]
        for lines in texts.map({ $0.map(ArticleLine.init) }) {
            #expect(LineScript.dominant(lines) == Self.reference(lines), "\(lines.map(\.text))")
        }
    }
}
