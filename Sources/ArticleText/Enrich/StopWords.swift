/// Stop words of the ten languages the enrich stage knows (from the
/// `stopwords` lists in `EnrichData/stopwords.json`), folded the way the
/// text is folded, so lookups take a token's `folded` form. Each distinct
/// folded word is numbered once (`WordIndex`, probed with the word's own
/// hash) with a bit per language listing it; every table below is made from
/// those bits. `Set<FoldedWord>` unions and differences hashed every word
/// again at each step, most of loading the stop words.
enum StopWords {
    /// The folded words of every list, each once, with the languages listing it.
    private struct Lists {
        var languages: [String]
        var words: [FoldedWord]
        /// Bit i: `languages[i]` lists the word.
        var masks: [UInt32]
    }

    private static let lists: Lists = {
        let raw = EnrichResource.decode([String: [String]].self, from: "stopwords")
        let languages = raw.keys.sorted()
        precondition(languages.count <= 32, "StopWords keeps one bit per language: at most 32 lists")
        var index = WordIndex(capacity: 8192)
        var masks: [UInt32] = []
        for (bit, language) in languages.enumerated() {
            for word in raw[language] ?? [] {
                let (number, isNew) = index.number(FoldedWord(folding: word))
                if isNew { masks.append(0) }
                masks[number] |= 1 << UInt32(bit)
            }
        }
        return Lists(languages: languages, words: index.words, masks: masks)
    }()

    static let byLanguage: [String: WordSet] = {
        var out: [String: WordSet] = [:]
        for (bit, language) in lists.languages.enumerated() {
            out[language] = WordSet(lists.words.indices.lazy.filter { lists.masks[$0] & (1 << UInt32(bit)) != 0 }.map { lists.words[$0] })
        }
        return out
    }()

    /// For each language, the stop words no other language of the same script
    /// lists: what tells French from Spanish, or Russian from Ukrainian.
    static let distinctive: [String: Set<FoldedWord>] = {
        var out: [String: Set<FoldedWord>] = [:]
        for bits in distinctiveBits {
            out[bits.language] = Set(lists.words.indices.lazy.filter { lists.masks[$0] & bits.own != 0 && lists.masks[$0] & bits.others == 0 }.map { lists.words[$0] })
        }
        return out
    }()

    /// Every language's stop words in one set.
    static let any = WordSet(lists.words)

    /// For each distinctive stop word, the languages it is distinctive of
    /// (in alphabetical order): one lookup per word instead of one per language.
    static let distinctiveLanguages: WordTable<[String]> = {
        let bits = distinctiveBits.sorted { $0.language < $1.language }
        var pairs: [(FoldedWord, [String])] = []
        for (number, word) in lists.words.enumerated() {
            let mask = lists.masks[number]
            let languages = bits.filter { mask & $0.own != 0 && mask & $0.others == 0 }.map(\.language)
            if !languages.isEmpty { pairs.append((word, languages)) }
        }
        return WordTable(pairs)
    }()

    /// Each language of a script group that has a list: its own bit, and the
    /// bits of the other languages of its group.
    private static var distinctiveBits: [(language: String, own: UInt32, others: UInt32)] {
        func bit(_ language: String) -> UInt32 {
            lists.languages.firstIndex(of: language).map { 1 << UInt32($0) } ?? 0
        }
        var out: [(language: String, own: UInt32, others: UInt32)] = []
        for group in LanguageDetection.scriptLanguages.values {
            for language in group {
                let others = group.filter { $0 != language }.reduce(UInt32(0)) { $0 | bit($1) }
                out.append((language, bit(language), others))
            }
        }
        return out
    }

    /// Whether `folded` is a stop word of `language` (any language when nil).
    static func contains(_ folded: FoldedWord, language: String?) -> Bool {
        if let language, let set = byLanguage[language] { return set.contains(folded) }
        return any.contains(folded)
    }
}
