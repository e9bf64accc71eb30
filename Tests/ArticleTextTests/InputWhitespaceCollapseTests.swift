import Testing
@testable import ArticleText

/// `WhitespaceCollapse` must give exactly what a split by character gives
/// (`RelatedLinks` keys its labels on it), or decline.
@Suite(.timeLimit(.minutes(5))) struct InputWhitespaceCollapseTests {
    private func byCharacter(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func itsWhiteSpaceIsTheWhiteSpaceProperty() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            #expect(WhitespaceCollapse.isWhitespace(v) == scalar.properties.isWhitespace, "U+\(String(v, radix: 16))")
        }
    }

    /// Every scalar that joins a space into one character, before or after
    /// it, is one the scan declines on.
    @Test func everyScalarThatJoinsASpaceIsCaught() {
        for v in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(v), !scalar.properties.isWhitespace else { continue }
            let s = String(Character(scalar))
            if (s + " ").count == 1 {
                #expect(WhitespaceCollapse.mayPrepend(v), "U+\(String(v, radix: 16)) before a space")
            }
            if (" " + s).count == 1 {
                let bytes = Array((" " + s).utf8)
                let caught = bytes.withUnsafeBufferPointer { bytes[1] >= 0xCC && WhitespaceCollapse.mayExtend($0, 1) }
                #expect(caught, "U+\(String(v, radix: 16)) after a space")
            }
        }
    }

    @Test func itMatchesASplitByCharacter() {
        let texts = [
            "", " ", "\r\n", "  Related \t Posts \n", "a\r\nb", "\u{A0}Mehr\u{2009}zum\u{3000}Thema\u{85}",
            "اقرأ   أيضا\n", "caf\u{301} au lait", "\u{2028}x\u{2029}y\u{202F}z\u{205F}", "👍🏽 ok 👨‍👩‍👧 fine",
            "नमस्ते दुनिया", "ab\u{0}cd", String(repeating: "word ", count: 30),
        ]
        for text in texts {
            #expect(WhitespaceCollapse.collapsed(text) == byCharacter(text), "\(Array(text.unicodeScalars))")
        }
    }

    /// Where a space shares a character with its neighbour the scan declines
    /// and the split by character decides.
    @Test func itDeclinesWhereASpaceSharesACharacter() {
        for text in ["a \u{301}b", "x\u{600} y", "a \u{200D}b", "a \u{93F}b", "a \u{E33}b"] {
            #expect(WhitespaceCollapse.collapsed(text) == nil, "\(Array(text.unicodeScalars))")
        }
    }
}
