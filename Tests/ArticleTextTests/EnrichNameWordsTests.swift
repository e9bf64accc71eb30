import Testing

@testable import ArticleText

/// The gazetteer splits plain names without the tokeniser (`NameWords.plain`):
/// it must give exactly the words, folds and capitalisation rules the
/// tokeniser gives, and leave every other name to it.
@Suite(.timeLimit(.minutes(2))) struct EnrichNameWordsTests {
    @Test func everyListedNameSplitsAsTheTokeniserSplitsIt() {
        let files = [PlaceList.entries()] + ["place-aliases", "organisations"].map { EnrichResource.decode([Gazetteer.Entry].self, from: $0) }
        var plain = 0
        var total = 0
        for entry in files.joined() {
            for name in entry.names + (entry.contextualNames ?? []) {
                total += 1
                guard let fast = NameWords.plain(name) else { continue }
                plain += 1
                #expect(fast == NameWords.tokenised(name), "\(name)")
            }
        }
        // The fast path is the common one, or it saves nothing.
        #expect(plain * 10 > total * 8)
    }

    @Test func plainNamesFoldAndKeepTheirCaseRules() {
        let words = NameWords.plain("New York NYC UNESCO NATO Abc أحمد المدينة")
        #expect(words == NameWords.tokenised("New York NYC UNESCO NATO Abc أحمد المدينة"))
        #expect(words?.cases == [.capitalised, .capitalised, .allCaps, .allCaps, .allCaps, .capitalised, .any, .any])
        #expect(words?.folded.map(\.string) == ["new", "york", "nyc", "unesco", "nato", "abc", "احمد", "المدينه"])
        #expect(NameWords.plain("ABCDEFG")?.cases == [.capitalised])
        #expect(NameWords.plain("ABCDEFG") == NameWords.tokenised("ABCDEFG"))
    }

    @Test func otherNamesGoToTheTokeniser() {
        for name in ["U.S.", "Al-Khalidi", "G20", "مُحمّد", "Côte d'Ivoire", " Leading", "Trailing ", "Two  spaces", "Abcأحمد", "", "Москва"] {
            #expect(NameWords.plain(name) == nil, "\(name)")
        }
        #expect(NameWords.of("U.S.") == NameWords.tokenised("U.S."))
    }
}
