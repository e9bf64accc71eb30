import Testing

@testable import ArticleText

@Suite("Enrich: Arabic clitic readings", .timeLimit(.minutes(5)))
struct EnrichCliticTests {
    private func readings(_ word: String, dropArticle: Bool = false, minimumStem: Int = 2) -> [String] {
        ArabicPrefixes.variants(of: FoldedWord(folding: word), dropArticle: dropArticle, minimumStem: minimumStem)
            .map { "\($0.stem) \($0.prefixLength)" }
    }

    @Test("conjunction, preposition and article come off in order, shortest prefix first")
    func stacked() {
        #expect(readings("وبالتنسيق") == ["بالتنسيق 1", "التنسيق 2"])
        #expect(readings("وبالتنسيق", dropArticle: true, minimumStem: 3) == ["بالتنسيق 1", "التنسيق 2", "تنسيق 4"])
        #expect(readings("والعراق", dropArticle: true) == ["العراق 1", "عراق 3"])
    }

    @Test("ل before an article-less noun restores the elided article")
    func elidedArticle() {
        #expect(readings("للعراق") == ["لعراق 1", "العراق 1"])
        #expect(readings("وللعراق", dropArticle: true) == ["للعراق 1", "لعراق 2", "العراق 2", "عراق 3"])
    }

    @Test("words without a clitic letter first, or too short, have no readings")
    func none() {
        #expect(readings("مصر").isEmpty)
        #expect(readings("ولد", minimumStem: 3).isEmpty)
        #expect(readings("Paris").isEmpty)
        #expect(ArabicPrefixes.stem(FoldedWord(folding: "بالمستشفيات")) == FoldedWord("مستشفيات"))
    }
}
