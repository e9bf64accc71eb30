import Testing
@testable import ArticleText

@Suite(.timeLimit(.minutes(5))) struct StageOrderTests {
    @Test func stagesRunInDesignOrder() {
        #expect(Stage.allCases == [.normalise, .parse, .enrich])
        #expect(Stage.normalise < Stage.enrich)
    }
}
