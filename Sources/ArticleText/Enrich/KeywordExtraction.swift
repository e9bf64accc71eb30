/// The article's top terms: words of three letters or more that are not stop
/// words of any known language, grouped by light stem (Arabic clitics and
/// article removed, English plural -s dropped), ranked by count (title words
/// count double), shown in their most frequent spelling in the text.
enum KeywordExtraction: EnrichmentStep {
    static let maximumKeywords = 10

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        var counts: [String: Double] = [:]
        var spellings: [String: [String: Int]] = [:]
        var firstSeen: [String: Int] = [:]
        let titleEnd = input.tokens.firstIndex { $0.kind == .lineBreak } ?? 0
        for (index, token) in input.tokens.enumerated() where token.isWord {
            let folded = token.folded
            guard folded.unicodeScalars.count >= 3, !isStopWord(folded) else { continue }
            let key = input.keys[index]
            guard key.unicodeScalars.count >= 3, !isStopWord(key) else { continue }
            counts[key, default: 0] += index < titleEnd ? 2 : 1
            spellings[key, default: [:]][token.text, default: 0] += 1
            if firstSeen[key] == nil { firstSeen[key] = index }
        }
        let ranked = counts.map { (key: $0.key, count: $0.value, first: firstSeen[$0.key] ?? 0) }
            .sorted { $0.count > $1.count || ($0.count == $1.count && $0.first < $1.first) }
        result.keywords = ranked.prefix(maximumKeywords).map { entry in
            let forms = spellings[entry.key] ?? [:]
            return forms.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? entry.key
        }
    }

    private static func isStopWord(_ folded: String) -> Bool {
        if StopWords.contains(folded, language: nil) { return true }
        for variant in ArabicPrefixes.variants(of: folded) where StopWords.contains(variant.stem, language: "ar") {
            return true
        }
        return false
    }
}
