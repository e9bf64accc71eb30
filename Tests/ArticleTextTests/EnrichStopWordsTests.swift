import Testing

@testable import ArticleText

/// The stop-word tables are made from one numbering of the folded words with
/// a bit per language: they must hold exactly what the set operations over
/// the lists give (each list, their union, each language's words that no
/// other language of its script lists, and those words' languages).
@Suite(.timeLimit(.minutes(2))) struct EnrichStopWordsTests {
    @Test func theTablesHoldWhatTheSetOperationsGive() {
        let raw = EnrichResource.decode([String: [String]].self, from: "stopwords")
        let folded = raw.mapValues { Set($0.map { FoldedWord(folding: $0) }) }
        #expect(Set(StopWords.byLanguage.keys) == Set(folded.keys))
        for (language, words) in folded {
            #expect(Set(StopWords.byLanguage[language]?.words ?? []) == words, "\(language)")
        }
        let all = folded.values.reduce(into: Set<FoldedWord>()) { $0.formUnion($1) }
        #expect(Set(StopWords.any.words) == all)
        var languagesOf: [FoldedWord: [String]] = [:]
        for group in LanguageDetection.scriptLanguages.values {
            for language in group {
                var own = folded[language] ?? []
                for other in group where other != language { own.subtract(folded[other] ?? []) }
                #expect(StopWords.distinctive[language] == own, "\(language)")
                for word in own { languagesOf[word, default: []].append(language) }
            }
        }
        #expect(StopWords.distinctiveLanguages.count == languagesOf.count)
        for (word, languages) in languagesOf {
            #expect(StopWords.distinctiveLanguages[word] == languages.sorted(), "\(word)")
        }
        #expect(!languagesOf.isEmpty)
    }
}
