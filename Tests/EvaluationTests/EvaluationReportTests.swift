import Testing
@testable import Evaluation

@Suite(.timeLimit(.minutes(5))) struct EvaluationReportTests {
    @Test func rendersScoresAndMisses() {
        let report = EvaluationReport(
            title: "t",
            scores: [FieldScore(field: "title", correct: 1, total: 2)],
            misses: [Miss(file: "a.txt", field: "title", expected: "x", got: nil)]
        )
        let text = report.rendered()
        #expect(text.contains("title"))
        #expect(text.contains("50.0%"))
        #expect(text.contains("a.txt  title  expected: x  got: null"))
    }
}
