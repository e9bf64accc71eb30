import Testing
@testable import ArticleText

/// A name written after لل (ل + the article) is reported with its article,
/// not with the stem cut after the first ل; a sentence written for the project.
@Suite(.timeLimit(.minutes(5))) struct EnrichCliticNameTests {
    @Test func aNameAfterLamLamKeepsItsArticle() {
        let entities = Enricher.enrich(ParsedArticle(id: "t", paragraphs: [
            "وقدم الوزير شكره للأمم المتحدة على دعمها، كما زار مقر الأمم المتحدة في جنيف.",
        ])).entities
        let texts = entities.map(\.canonicalName)
        #expect(!texts.contains("لأمم المتحدة"), "\(texts)")
        #expect(texts.contains("الأمم المتحدة"), "\(texts)")
    }

    /// The record contract: a mention's `text` is exactly its slice, the
    /// group's `text` is the name, and "للأمم المتحدة" and "الأمم المتحدة"
    /// are one entity.
    @Test func aGroupIsNamedWithTheArticleWhileEachMentionIsItsSlice() throws {
        let text = "وقدم الوزير شكره للأمم المتحدة على دعمها، كما زار مقر الأمم المتحدة في جنيف."
        let entities = Enricher.enrich(ParsedArticle(id: "t", paragraphs: [text])).entities
        let scalars = Array(text.unicodeScalars)
        let groups = EntityGroup.grouping(entities)
        let un = try #require(groups.first { $0.text == "الأمم المتحدة" }, "\(groups)")
        #expect(un.mentions.map(\.text) == ["لأمم المتحدة", "الأمم المتحدة"])
        for mention in groups.flatMap(\.mentions) {
            #expect(String(String.UnicodeScalarView(scalars[mention.start..<mention.end])) == mention.text)
        }
    }
}
