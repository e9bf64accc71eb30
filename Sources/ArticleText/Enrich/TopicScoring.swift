/// IPTC media-topic top-level subjects with scores: each lexicon term found in
/// the text adds its weight to its topic; a topic's score is its share of all
/// the weight found. Topics under 8% of it, and articles with under two hits,
/// get none.
enum TopicScoring: EnrichmentStep {
    static let minimumShare = 0.08
    static let maximumTopics = 5

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let lexicon = TopicLexicon.shared
        let keys = input.tokens.indices.filter { input.tokens[$0].isWord }.map { input.keys[$0] }
        var weights = [Double](repeating: 0, count: lexicon.topics.count)
        var i = 0
        while i < keys.count {
            var advance = 1
            if let terms = lexicon.termsByFirstKey[keys[i]] {
                /// Whether the term's keys follow at i (the first is known to).
                func matches(_ term: TopicLexicon.Term) -> Bool {
                    guard i + term.keys.count <= keys.count else { return false }
                    for k in 1..<max(term.keys.count, 1) where keys[i + k] != term.keys[k] { return false }
                    return true
                }
                var longest = 0
                for term in terms where term.keys.count >= longest && matches(term) {
                    if term.keys.count > longest { longest = term.keys.count }
                }
                for term in terms where term.keys.count == longest && matches(term) {
                    weights[term.topic] += term.weight
                }
                advance = max(longest, 1)
            }
            i += advance
        }
        let total = weights.reduce(0, +)
        guard total >= 2 else { return }
        var topics: [TopicScore] = []
        for (number, weight) in weights.enumerated() where weight / total >= minimumShare {
            let topic = lexicon.topics[number]
            topics.append(TopicScore(code: topic.code, label: topic.label, score: (weight / total * 100).rounded() / 100))
        }
        topics.sort { $0.score > $1.score || ($0.score == $1.score && $0.code < $1.code) }
        result.topics = Array(topics.prefix(maximumTopics))
    }
}
