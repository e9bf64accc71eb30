import Foundation
import Testing
@testable import ArticleText

/// Parse is total and bounded on hostile inputs up to the 2 MiB limit: these
/// complete (no crash, no catastrophic backtracking) and yield sane output.
/// Timing lives in the benchmark, not here.
@Suite(.timeLimit(.minutes(10))) struct ParseRobustnessTests {
    static let limit = 2 * 1024 * 1024

    static func repeated(_ unit: String) -> String {
        let count = limit / max(1, unit.utf8.count)
        return String(repeating: unit, count: count)
    }

    @Test(arguments: [
        "إقرأ أيضاً:\n",
        "إقرأ أيضاً: ",
        "1234567890/",
        "((((((((((",
        "أبريل 13, 2024آخر تحديث: ",
        "كانون الثاني شباط آذار ",
        "١٢/١٢/١٢ ",
        "منذ منذ منذ ساعتين ",
        "المصدر: (",
        "\n",
        "a - b - c (d) -- ",
    ])
    func adversarialInputsComplete(unit: String) {
        let articles = ArticleParser.parse(ParseTestSupport.document(Self.repeated(unit)), context: ParseContext(referenceDate: Date(timeIntervalSince1970: 0)))
        #expect(articles.count >= 1)
        #expect(articles.allSatisfy { $0.id.count == 32 })
    }

    @Test func manyShortLinesWithDates() {
        let text = Self.repeated("عنوان\n13 أبريل 2024\nإقرأ أيضاً\n")
        #expect(ArticleParser.parse(ParseTestSupport.document(text), context: ParseContext()).count >= 1)
    }

    @Test func randomScalarsNeverCrash() {
        var generator = SplitMix64(seed: 42)
        let pool: [Unicode.Scalar] = Array("أبريلكانونالثاني0123456789٠١٢٣٤٥٦٧٨٩/-:.()،\n -—READMOREاقرأأيضاً".unicodeScalars)
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 400) {
                if generator.next() % 5 == 0, let any = Unicode.Scalar(UInt32(generator.next() % 0x2FFFF)) {
                    scalars.append(any)
                } else {
                    scalars.append(pool[Int(generator.next() % UInt64(pool.count))])
                }
            }
            let articles = ArticleParser.parse(ParseTestSupport.document(String(scalars)), context: ParseContext())
            #expect(!articles.isEmpty)
        }
    }
}

/// A tiny deterministic generator so the random test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
