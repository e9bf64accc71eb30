/// The article's top terms: words of three letters or more that are not stop
/// words of any known language, grouped by light stem (Arabic clitics and
/// article removed, English plural -s dropped), ranked by count (title words
/// count double), shown in their most frequent spelling in the text.
enum KeywordExtraction: EnrichmentStep {
    static let maximumKeywords = 10

    private struct Term {
        var weight: Double
        var first: Int
        /// Each way the term is written, with its count, in order of first use.
        var spellings: [(text: String, count: Int)]
    }

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        // Terms numbered by key in order of first use, so tallies are array slots.
        var index = WordIndex(capacity: input.tokens.count / 2)
        var terms: [Term] = []
        let titleEnd = input.tokens.firstIndex { $0.kind == .lineBreak } ?? 0
        for (position, token) in input.tokens.enumerated() where token.isWord && !input.isStopWord[position] {
            let key = input.keys[position]
            guard token.folded.unicodeScalars.count >= 3, key.unicodeScalars.count >= 3, !StopWords.any.contains(key)
            else { continue }
            let weight = position < titleEnd ? 2.0 : 1.0
            let (number, isNew) = index.number(key)
            if isNew {
                terms.append(Term(weight: weight, first: position, spellings: [(token.text, 1)]))
            } else {
                terms[number].weight += weight
                // Spellings compared by bytes: the text is NFC, so equal strings have equal bytes.
                if let k = terms[number].spellings.firstIndex(where: { $0.text.utf8.elementsEqual(token.text.utf8) }) {
                    terms[number].spellings[k].count += 1
                } else {
                    terms[number].spellings.append((token.text, 1))
                }
            }
        }
        let ranked = terms.indices.sorted {
            terms[$0].weight > terms[$1].weight || (terms[$0].weight == terms[$1].weight && terms[$0].first < terms[$1].first)
        }
        result.keywords = ranked.prefix(maximumKeywords).map { number in
            terms[number].spellings.max { $0.count < $1.count || ($0.count == $1.count && $0.text > $1.text) }?.text
                ?? index.words[number].string
        }
    }
}
