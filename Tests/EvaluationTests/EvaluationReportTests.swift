import Testing
@testable import Evaluation

@Suite(.timeLimit(.minutes(1))) struct EvaluationReportTests {
    @Test func rendersScoresAndMisses() {
        let report = EvaluationReport(
            title: "t",
            scores: [FieldScore(field: "title", correct: 1, total: 2, predicted: 2, predictedRight: 1, expected: 2, expectedFound: 1)],
            misses: [Miss(file: "a.txt", field: "title", expected: "x", got: nil)]
        )
        let text = report.rendered()
        #expect(text.contains("title"))
        #expect(text.contains(" 50.0% (1/2)"))
        #expect(text.contains("a.txt  title  expected: x  got: null"))
    }

    @Test func precisionAndRecallCountOnlyNonEmptyValues() {
        var score = FieldScore(field: "agency")
        score.add(expected: true, got: true, right: true)
        score.add(expected: true, got: false, right: false)
        score.add(expected: false, got: true, right: false)
        score.add(expected: false, got: false, right: true)
        #expect(score.accuracy == 0.5)
        #expect(score.precision == 0.5)
        #expect(score.recall == 0.5)
        #expect(FieldScore(field: "x").precision == nil)
    }

    @Test func sideBySideTableHasOneColumnPerReport() {
        let dev = EvaluationReport(title: "d", scores: [FieldScore(field: "title", correct: 2, total: 2)], misses: [])
        let report = EvaluationReport(title: "r", scores: [FieldScore(field: "title", correct: 1, total: 2)], misses: [])
        let table = EvaluationReport.table(columns: [("dev", dev), ("report", report)])
        #expect(table.contains("100.0% (2/2)"))
        #expect(table.contains(" 50.0% (1/2)"))
    }
}
