/// Quotations: text inside “…”, «…», "…" or „…“ of three words or more, with
/// the speaker when the sentence names one — the person nearest a verb of
/// saying in the quote's sentence ("قال X إن «…»", "“…,” X said"), else an
/// organisation next to such a verb ("وقالت الوزارة …").
enum QuoteExtraction: EnrichmentStep {
    /// The closing mark of a quotation opened by `s`, if `s` opens one (“…” «…» "…" „…“).
    private static func closer(of s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s {
        case "“": "”"
        case "«": "»"
        case "\"": "\""
        case "„": "“"
        default: nil
        }
    }
    private static let minimumWords = 3

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let scalars = input.scalars
        var verbs: [EnrichToken]?
        var quotes: [Quote] = []
        var i = 0
        while i < scalars.count {
            guard let closer = closer(of: scalars[i]) else {
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
                let found = verbs ?? speechVerbs(in: input)
                verbs = found
                quotes.append(Quote(text: text, speaker: speaker(for: i, j + 1, input, found, result.entities), start: i + 1, end: j))
            }
            i = j + 1
        }
        result.quotes = quotes
    }

    /// The speaker of a quote: in its sentence, the person (else, when a verb
    /// of saying is there, the organisation) nearest to a verb of saying, or
    /// nearest to the quote when the sentence has no such verb.
    private static func speaker(
        for start: Int, _ end: Int, _ input: EnrichInput, _ speechVerbs: [EnrichToken], _ entities: [Entity]
    ) -> String? {
        let (sentenceStart, sentenceEnd) = sentence(around: start, end, input.scalars)
        let inSentence = entities.filter {
            $0.start >= sentenceStart && $0.end <= sentenceEnd && ($0.end <= start || $0.start >= end)
        }
        let verbs = speechVerbs.filter { token in
            token.start >= sentenceStart && token.end <= sentenceEnd && (token.end <= start || token.start >= end)
        }
        func gap(_ e: Entity, _ a: Int, _ b: Int) -> Int { e.end <= a ? a - e.end : max(e.start - b, 0) }
        func distance(_ e: Entity) -> Int {
            if verbs.isEmpty { return gap(e, start, end) }
            return verbs.map { gap(e, $0.start, $0.end) }.min() ?? Int.max
        }
        let types: [Entity.Kind] = verbs.isEmpty ? [.person] : [.person, .org]
        for type in types {
            if let best = inSentence.filter({ $0.type == type }).min(by: { distance($0) < distance($1) }) {
                return best.text
            }
        }
        return nil
    }

    /// The words of the text that are verbs of saying (Arabic ones also behind clitics), in order.
    private static func speechVerbs(in input: EnrichInput) -> [EnrichToken] {
        let cues = EntityCues.shared
        return input.tokens.indices.filter { i in
            let token = input.tokens[i]
            return token.isWord
                && (cues.englishSpeechVerbs.contains(token.text) || cues.arabicSpeechVerbs.contains(token.folded)
                    || input.clitics(i).variants().contains { cues.arabicSpeechVerbs.contains($0.stem) })
        }.map { input.tokens[$0] }
    }

    /// The sentence around a span: back to the previous line break or full
    /// stop, forward to the next one.
    private static func sentence(around start: Int, _ end: Int, _ scalars: [Unicode.Scalar]) -> (Int, Int) {
        func isStop(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "." || s == "!" || s == "?" || s == "؟" }
        var a = start
        while a > 0, !isStop(scalars[a - 1]) { a -= 1 }
        var b = end
        while b < scalars.count, !isStop(scalars[b]) { b += 1 }
        return (a, b)
    }
}
