/// Stop words of the ten languages the enrich stage knows (from the
/// `stopwordsiso` lists in `EnrichData/stopwords.json`), folded the way the
/// text is folded, so lookups take a token's `folded` form. The tables are
/// built from `FoldedWord` sets, hashed once per word: `String` keys hashed
/// the Arabic, Cyrillic and Greek lists through Unicode normalisation at
/// every set operation, a sixth of the enrich stage's start-up.
enum StopWords {
    static let byLanguage: [String: WordSet] = folded.mapValues { WordSet($0) }

    /// Each language's list, folded (for building the tables).
    private static let folded: [String: Set<FoldedWord>] = {
        let raw = EnrichResource.decode([String: [String]].self, from: "stopwords")
        return raw.mapValues { Set($0.map { FoldedWord(folding: $0) }) }
    }()

    /// For each language, the stop words no other language of the same script
    /// lists: what tells French from Spanish, or Russian from Ukrainian.
    static let distinctive: [String: Set<FoldedWord>] = {
        var out: [String: Set<FoldedWord>] = [:]
        for group in LanguageDetection.scriptLanguages.values {
            for language in group {
                var own = folded[language] ?? []
                for other in group where other != language { own.subtract(folded[other] ?? []) }
                out[language] = own
            }
        }
        return out
    }()

    /// Every language's stop words in one set.
    static let any = WordSet(folded.values.reduce(into: Set<FoldedWord>()) { $0.formUnion($1) })

    /// For each distinctive stop word, the languages it is distinctive of:
    /// one lookup per word instead of one per language.
    static let distinctiveLanguages: WordTable<[String]> = {
        var out: [FoldedWord: [String]] = [:]
        for (language, words) in distinctive.sorted(by: { $0.key < $1.key }) {
            for word in words { out[word, default: []].append(language) }
        }
        return WordTable(out.map { ($0.key, $0.value) })
    }()

    /// Whether `folded` is a stop word of `language` (any language when nil).
    static func contains(_ folded: FoldedWord, language: String?) -> Bool {
        if let language, let set = byLanguage[language] { return set.contains(folded) }
        return any.contains(folded)
    }
}
