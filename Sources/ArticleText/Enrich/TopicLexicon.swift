/// The IPTC media-topic lexicons of `EnrichData/topics.json`, indexed by the
/// key each term is matched under: Arabic words by their light stem, English
/// words folded and singular.
struct TopicLexicon: Sendable {
    struct Topic: Decodable, Sendable {
        var code: String
        var label: String
        var en: [String]
        var ar: [String]
    }

    struct Term: Sendable {
        var keys: [FoldedWord]
        var topic: Int
        var weight: Double
    }

    private struct File: Decodable {
        var topics: [Topic]
    }

    static let shared = TopicLexicon()

    let topics: [Topic]
    /// Terms by the key of their first word.
    let termsByFirstKey: WordTable<[Term]>

    private init() {
        topics = EnrichResource.decode(File.self, from: "topics").topics
        var index: [FoldedWord: [Term]] = [:]
        var order: [FoldedWord] = []
        for (number, topic) in topics.enumerated() {
            for entry in topic.en + topic.ar {
                var text = Substring(entry)
                var weight = 1.0
                if let colon = entry.lastIndex(of: ":"), let w = Double(entry[entry.index(after: colon)...]) {
                    text = entry[..<colon]
                    weight = w
                }
                let keys = EnrichTokeniser.tokens(of: String(text)).filter(\.isWord).map { Self.key($0.folded) }
                guard let first = keys.first else { continue }
                if index[first] == nil { order.append(first) }
                index[first, default: []].append(Term(keys: keys, topic: number, weight: weight))
            }
        }
        termsByFirstKey = WordTable(order.map { ($0, index[$0] ?? []) })
    }

    /// The matching key of a folded word.
    static func key(_ folded: FoldedWord) -> FoldedWord {
        key(folded, readings: ArabicPrefixes.readings(of: folded))
    }

    /// The matching key of a folded word whose clitic readings are known.
    static func key(_ folded: FoldedWord, readings: ArabicPrefixes.Readings) -> FoldedWord {
        guard let first = folded.unicodeScalars.first else { return folded }
        if first.value >= 0x0600 && first.value <= 0x06FF { return readings.stem(of: folded) }
        let single = singular(folded.string)
        return single.utf8.count == folded.string.utf8.count ? folded : FoldedWord(single)
    }

    private static func singular(_ word: String) -> String {
        guard word.count > 4 else { return word }
        if word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") || word.hasSuffix("shes") || word.hasSuffix("ches") { return String(word.dropLast(2)) }
        if word.hasSuffix("s") && !word.hasSuffix("ss") && !word.hasSuffix("us") { return String(word.dropLast()) }
        return word
    }
}
