/// Quotations: text inside “…”, «…», "…" or „…“ of three words or more, with
/// the speaker when the sentence names one — the person entity nearest the
/// quote in its sentence (before it, as in "قال X إن «…»", or after it, as in
/// "“…,” X said"), else an organisation there.
enum QuoteExtraction: EnrichmentStep {
    private static let pairs: [Unicode.Scalar: Unicode.Scalar] = ["“": "”", "«": "»", "\"": "\"", "„": "“"]
    private static let minimumWords = 3

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let scalars = input.scalars
        var quotes: [Quote] = []
        var i = 0
        while i < scalars.count {
            guard let closer = pairs[scalars[i]] else {
                i += 1
                continue
            }
            var j = i + 1
            while j < scalars.count, scalars[j] != closer, scalars[j] != "\n" { j += 1 }
            guard j < scalars.count, scalars[j] == closer else {
                i += 1
                continue
            }
            let text = input.slice(i + 1, j)
            let wordCount = text.split(whereSeparator: { $0 == " " }).count
            if wordCount >= minimumWords {
                quotes.append(Quote(text: text, speaker: speaker(for: i, j + 1, input, result.entities), start: i + 1, end: j))
            }
            i = j + 1
        }
        result.quotes = quotes
    }

    private static func speaker(for start: Int, _ end: Int, _ input: EnrichInput, _ entities: [Entity]) -> String? {
        let (sentenceStart, sentenceEnd) = sentence(around: start, end, input.scalars)
        let inSentence = entities.filter {
            $0.start >= sentenceStart && $0.end <= sentenceEnd && ($0.end <= start || $0.start >= end)
        }
        func distance(_ e: Entity) -> Int { e.end <= start ? start - e.end : e.start - end }
        for type in [Entity.Kind.person, .org] {
            if let best = inSentence.filter({ $0.type == type }).min(by: { distance($0) < distance($1) }) {
                return best.text
            }
        }
        return nil
    }

    /// The sentence around a span: back to the previous line break or full
    /// stop, forward to the next one.
    private static func sentence(around start: Int, _ end: Int, _ scalars: [Unicode.Scalar]) -> (Int, Int) {
        let stops: Set<Unicode.Scalar> = ["\n", ".", "!", "?", "؟"]
        var a = start
        while a > 0, !stops.contains(scalars[a - 1]) { a -= 1 }
        var b = end
        while b < scalars.count, !stops.contains(scalars[b]) { b += 1 }
        return (a, b)
    }
}
