import Testing
@testable import ArticleText

@Suite struct StageOrderTests {
    @Test func stagesRunInDesignOrder() {
        #expect(Stage.allCases == [.normalise, .parse, .enrich])
        #expect(Stage.normalise < Stage.enrich)
    }
}
