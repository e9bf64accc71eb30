import Foundation
import Testing
@testable import ArticleText

/// Inputs the fuzzers (Fuzz/, Scripts/fuzz.sh) found that broke a promise of
/// the text stages, one test each, kept after the fix.
@Suite("Fuzz findings", .timeLimit(.minutes(2)))
struct FuzzRegressionTests {
    private func rejection(_ text: String) -> ArticleTextError? {
        do {
            _ = try InputDecoder.decode(RawArticle(bytes: Array(text.utf8)))
            return nil
        } catch {
            return error
        }
    }

    /// fuzz-decode, crash-8f8833f8: an envelope field's value was quoted into
    /// the reason as it was, so a line break (or a bidi override) in it split
    /// the one-sentence reason that travels in the dead letter's headers.
    @Test func envelopeReasonsStayOnOneLine() throws {
        let error = try #require(rejection(#"{"schema": "article.raw comet\nP2222\u202E\u2028\"x"}"#))
        #expect(error.code == .invalidEnvelope)
        let unprintable = error.reason.unicodeScalars.filter {
            [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
        }
        #expect(unprintable.isEmpty, "reason: \(error.reason)")
        #expect(error.reason.contains(#"comet\u{A}P2222\u{202E}\u{2028}\"x""#), "reason: \(error.reason)")
    }

    /// fuzz-enrich, crash-62ce03a5 (a corpus page cut to 1,024 bytes; this
    /// sentence is written for the test): the harness required an entity's
    /// text to equal its slice, but a name after the preposition لل was
    /// written with its article restored. Now every entity's text is its
    /// slice (which starts at the article's ل, right after the
    /// preposition's) and the restored form is its `name`.
    @Test func aNameAfterLiLIsItsSliceWithTheArticleRestoredInItsName() throws {
        let text = "اجتماع جديد في المدينة\nقال رئيس النادي إن الاجتماع غير العادي للجمعية العمومية سيعقد في العاشر من مارس في القاهرة.\n"
        let output = try TextStages.run(RawArticle(bytes: Array(text.utf8), declaredFormat: .text), through: .enrich)
        let article = try #require(output.articles.first)
        let scalars = Array(article.parsed.text.unicodeScalars)
        let entities = try #require(article.enrichment?.entities)
        func slice(_ entity: Entity) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[entity.start..<entity.end])
            return String(view)
        }
        let assembly = try #require(entities.first { $0.canonicalName == "الجمعية العمومية" })
        #expect(assembly.text == "لجمعية العمومية")
        #expect(assembly.name == "الجمعية العمومية")
        #expect(scalars[assembly.start - 1] == "ل")
        for entity in entities {
            #expect(slice(entity) == entity.text)
            #expect(entity.name == nil || entity == assembly)
        }
    }
}
