import Foundation
import Testing
@testable import ArticleText

/// Parse is total and bounded on hostile inputs up to the 2 MiB limit: these
/// complete (no crash, no catastrophic backtracking) and yield sane output.
/// Timing lives in the benchmark, not here.
@Suite(.timeLimit(.minutes(5))) struct ParseRobustnessTests {
    static let limit = 2 * 1024 * 1024

    static func repeated(_ unit: String) -> String {
        let count = limit / max(1, unit.utf8.count)
        return String(repeating: unit, count: count)
    }

    /// Characters of the titles and paragraphs of `articles` (related
    /// headlines are copies of appended titles, so they are not counted).
    static func keptCharacters(_ articles: [ParsedArticle]) -> Int {
        articles.reduce(0) { $0 + ($1.title?.count ?? 0) + $1.paragraphs.reduce(0) { $0 + $1.count } }
    }

    /// What holds for any input: well-formed ids, appended articles linked to
    /// the first, and no more text out than came in.
    static func expectSane(_ articles: [ParsedArticle], from document: NormalisedDocument, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!articles.isEmpty, sourceLocation: sourceLocation)
        #expect(articles.allSatisfy { $0.id.count == 32 && $0.id.allSatisfy(\.isHexDigit) }, sourceLocation: sourceLocation)
        #expect(articles.first?.parentId == nil, sourceLocation: sourceLocation)
        #expect(articles.dropFirst().allSatisfy { $0.parentId == articles.first?.id }, sourceLocation: sourceLocation)
        #expect(keptCharacters(articles) <= document.text.count, sourceLocation: sourceLocation)
    }

    /// Each unit repeated up to the limit, and whether its text is article
    /// text that must survive (at least 90% of it), or boilerplate and blank
    /// lines that parse may drop.
    @Test(arguments: [
        ("إقرأ أيضاً:\n", false),
        ("إقرأ أيضاً: ", true),
        ("1234567890/", true),
        ("((((((((((", true),
        ("أبريل 13, 2024آخر تحديث: ", true),
        ("كانون الثاني شباط آذار ", true),
        ("١٢/١٢/١٢ ", true),
        ("منذ منذ منذ ساعتين ", true),
        ("المصدر: (", true),
        ("\n", false),
        ("a - b - c (d) -- ", true),
    ])
    func adversarialInputsComplete(unit: String, isText: Bool) {
        let document = ParseTestSupport.document(Self.repeated(unit))
        let articles = ArticleParser.parse(document, context: ParseContext(referenceDate: Date(timeIntervalSince1970: 0)))
        Self.expectSane(articles, from: document)
        if isText {
            #expect(Self.keptCharacters(articles) * 10 >= document.text.count * 9, "kept \(Self.keptCharacters(articles)) of \(document.text.count)")
        }
        if document.text.allSatisfy(\.isWhitespace) {
            #expect(Self.keptCharacters(articles) == 0)
        }
    }

    @Test func manyShortLinesWithDates() {
        let document = ParseTestSupport.document(Self.repeated("عنوان\n13 أبريل 2024\nإقرأ أيضاً\n"))
        let articles = ArticleParser.parse(document, context: ParseContext())
        Self.expectSane(articles, from: document)
        #expect(articles.first?.title == "عنوان")
        #expect(articles.first?.publishedAt == "2024-04-13")
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
            let document = ParseTestSupport.document(String(scalars))
            let articles = ArticleParser.parse(document, context: ParseContext())
            Self.expectSane(articles, from: document)
            if document.text.contains(where: \.isLetter) {
                #expect(Self.keptCharacters(articles) > 0, "all text dropped from \(document.text.debugDescription)")
            }
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
