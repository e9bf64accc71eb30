/// The article's top terms: words of three letters or more that are not stop
/// words of any known language, grouped by light stem (Arabic clitics and
/// article removed, English plural -s dropped), ranked by count (title words
/// count double), shown in their most frequent folded spelling.
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
            let key = TopicLexicon.key(folded)
            guard key.unicodeScalars.count >= 3, !isStopWord(key) else { continue }
            counts[key, default: 0] += index < titleEnd ? 2 : 1
            spellings[key, default: [:]][folded, default: 0] += 1
            if firstSeen[key] == nil { firstSeen[key] = index }
        }
        let ranked = counts.keys.sorted {
            counts[$0]! > counts[$1]! || (counts[$0]! == counts[$1]! && firstSeen[$0]! < firstSeen[$1]!)
        }
        result.keywords = ranked.prefix(maximumKeywords).map { key in
            let forms = spellings[key] ?? [:]
            return forms.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key ?? key
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
