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
}
