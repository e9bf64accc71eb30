/// The article's top terms: words of three letters or more that are not stop
/// words of any known language, grouped by light stem (Arabic clitics and
/// article removed, English plural -s dropped), ranked by count (title words
/// count double), shown in their most frequent spelling in the text.
enum KeywordExtraction: EnrichmentStep {
    static let maximumKeywords = 10

    private struct Term {
        var weight: Double
        var first: Int
        var spellings: [String: Int]
    }

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        var terms: [FoldedWord: Term] = [:]
        let titleEnd = input.tokens.firstIndex { $0.kind == .lineBreak } ?? 0
        for (index, token) in input.tokens.enumerated() where token.isWord && !input.isStopWord[index] {
            let key = input.keys[index]
            guard token.folded.unicodeScalars.count >= 3, key.unicodeScalars.count >= 3, !StopWords.any.contains(key)
            else { continue }
            let weight = index < titleEnd ? 2.0 : 1.0
            if terms[key] == nil {
                terms[key] = Term(weight: weight, first: index, spellings: [token.text: 1])
            } else {
                terms[key]!.weight += weight
                terms[key]!.spellings[token.text, default: 0] += 1
            }
        }
        let ranked = terms.sorted { $0.value.weight > $1.value.weight || ($0.value.weight == $1.value.weight && $0.value.first < $1.value.first) }
        result.keywords = ranked.prefix(maximumKeywords).map { entry in
            entry.value.spellings.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? entry.key.string
        }
    }
}
