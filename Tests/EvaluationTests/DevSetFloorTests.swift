import Foundation
import Testing
@testable import Evaluation

/// Runs the evaluation harness on the labelled dev set (read from the shared
/// corpus) and holds the floors: title 100%, published and updated
/// ≥ 95%, agency ≥ 90%, related-block detection ≥ 90%.
@Suite struct DevSetFloorTests {
    static var shared: URL {
        if let env = ProcessInfo.processInfo.environment["NEWSWIRE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return ProjectCorpusFloorTests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    @Test func devSetMeetsTheFloors() throws {
        let corpus = Self.shared.appendingPathComponent("corpus")
        let report = try LabelEvaluation.run(
            articles: corpus.appendingPathComponent("articles"),
            labels: corpus.appendingPathComponent("labels-dev.jsonl")
        )
        let floors: [(String, Double)] = [
            ("title", 1.0), ("published", 0.95), ("updated", 0.95), ("agency", 0.90), ("related", 0.90), ("appended", 1.0),
        ]
        for (field, floor) in floors {
            let score = try #require(report.score(field))
            #expect(score.total >= 19, "\(field) scored on \(score.total) files")
            #expect(score.accuracy >= floor, "\(field): \(score.correct)/\(score.total)\n\(report.rendered())")
        }
    }

    @Test func comparisonRules() {
        #expect(LabelEvaluation.sameDate("2020-04-08", "2020-04-08T23:39:00+08:00"))
        #expect(!LabelEvaluation.sameDate(nil, "2020-04-08"))
        #expect(LabelEvaluation.sameDate(nil, nil))
        #expect(LabelEvaluation.sameText("أبهــا", "أبها"))
        #expect(!LabelEvaluation.sameText("واس", nil))
    }
}
