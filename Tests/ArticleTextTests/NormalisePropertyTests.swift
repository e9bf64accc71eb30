import Testing
@testable import ArticleText

@Suite("Normaliser properties", .timeLimit(.minutes(5)))
struct NormalisePropertyTests {
    @Test func normaliseAndFoldAreIdempotentOnRandomUnicode() {
        var random = NormaliseRandom(seed: 0x6E65_7773)
        for _ in 0..<4000 {
            let s = random.string(maxLength: 120)
            let once = Normaliser.normaliseText(s)
            #expect(Normaliser.normaliseText(once) == once, "normalise not idempotent for \(debugScalars(s))")
            let folded = Normaliser.fold(once)
            #expect(Normaliser.fold(folded) == folded, "fold not idempotent for \(debugScalars(s))")
            let rawFolded = Normaliser.fold(s)
            #expect(Normaliser.fold(rawFolded) == rawFolded)
        }
    }

    @Test func normalisedTextHasNoControlsOrStrayWhitespace() {
        var random = NormaliseRandom(seed: 42)
        for _ in 0..<2000 {
            let out = Normaliser.normaliseText(random.string(maxLength: 200))
            #expect(!out.unicodeScalars.contains { [0x200B, 0x200E, 0x200F, 0xFEFF, 0x0640, 0x0D, 0xA0, 0x202E].contains($0.value) })
            #expect(!out.contains("  "))
            #expect(!out.contains("\n\n\n"))
            #expect(!out.contains(" \n") && !out.contains("\n "))
            let edges = [out.unicodeScalars.first, out.unicodeScalars.last].compactMap { $0 }
            #expect(!edges.contains { $0 == " " || $0 == "\n" })
        }
    }

    @Test func handlesHugeWhitespaceRunsAndLoneCarriageReturns() {
        let s = String(repeating: " \u{A0}\t", count: 200_000) + "a" + String(repeating: "\r", count: 100_000) + "b"
        #expect(Normaliser.normaliseText(s) == "a\n\nb")
        #expect(Normaliser.normaliseText("a\rb\r\nc\n\rd") == "a\nb\nc\n\nd")
    }

    private func debugScalars(_ s: String) -> String {
        s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}
