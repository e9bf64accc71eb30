import Testing
@testable import ArticleText

/// A name written after لل (ل + the article) is reported with its article,
/// not with the stem cut after the first ل; a sentence written for the project.
@Suite(.timeLimit(.minutes(5))) struct EnrichCliticNameTests {
    @Test func aNameAfterLamLamKeepsItsArticle() {
        let entities = Enricher.enrich(ParsedArticle(id: "t", paragraphs: [
            "وقدم الوزير شكره للأمم المتحدة على دعمها، كما زار مقر الأمم المتحدة في جنيف.",
        ])).entities
        let texts = entities.map(\.text)
        #expect(!texts.contains("لأمم المتحدة"), "\(texts)")
        #expect(texts.contains("الأمم المتحدة"), "\(texts)")
    }
}
