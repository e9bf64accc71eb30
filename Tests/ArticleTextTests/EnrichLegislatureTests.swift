import Testing

@testable import ArticleText

/// National legislatures known by a proper name (Knesset, Bundestag, Duma)
/// are organisations in Arabic and English; sentences written for the project.
@Suite(.timeLimit(.minutes(5))) struct EnrichLegislatureTests {
    @Test func aNamedLegislatureIsAnOrganisation() {
        let arabic = EnrichTestSupport.entities("وصوت الكنيست على القانون بعد نقاش طويل.")
        #expect(arabic.contains("الكنيست/ORG"), "\(arabic)")
        let english = EnrichTestSupport.entities("The Bundestag and the State Duma debated the treaty on Tuesday.")
        #expect(english.contains("Bundestag/ORG"), "\(english)")
        #expect(english.contains("State Duma/ORG"), "\(english)")
    }
}
