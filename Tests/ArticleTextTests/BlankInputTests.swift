import Testing
@testable import ArticleText

/// Inputs with nothing to read: they become `empty-input` dead letters at the
/// normalise stage, never records with empty text.
@Suite("Blank inputs", .timeLimit(.minutes(1)))
struct BlankInputTests {
    private func rejection(_ text: String, through stage: Stage) -> ArticleTextError? {
        do {
            _ = try TextStages.run(RawArticle(bytes: Array(text.utf8)), through: stage)
            return nil
        } catch {
            return error
        }
    }

    /// Chaos run (poison kind whitespace-only): white space beyond ASCII
    /// (U+00A0, U+3000, U+2028) and invisible U+200B passed the decoder's
    /// byte check and came out as an enriched record with empty text.
    @Test(arguments: [
        " \t\n\u{3000} \n", " \u{00A0}\u{2028}\r\n", "\u{200B}", " \u{200B}\u{3000}\u{FEFF}\u{200B} ",
        #"{"body": "\u200b\u2060"}"#,
    ])
    func unicodeWhiteSpaceAndInvisibleCharactersAreEmptyInput(text: String) throws {
        for stage in [Stage.normalise, .enrich] {
            let error = try #require(rejection(text, through: stage), "\(stage) accepted \(text.unicodeScalars.map { $0.value })")
            #expect(error.code == .emptyInput)
            #expect(error.stage == .normalise)
        }
    }

    @Test func aSentenceAmongThemIsText() throws {
        #expect(rejection("\u{3000}\u{200B} Rain fell on the coast on Tuesday. \u{2028}", through: .enrich)?.code == nil)
    }
}
