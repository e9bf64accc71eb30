/// What every enrichment reads: the article, its text as Unicode scalars and
/// its tokens, computed once per article.
struct EnrichInput {
    let article: ParsedArticle
    let text: String
    let scalars: [Unicode.Scalar]
    let tokens: [EnrichToken]
    /// Each token's matching key (`TopicLexicon.key` of its folded form):
    /// topics, keywords and the fingerprint all group words by it.
    let keys: [FoldedWord]
    /// Whether each token is a stop word of any known language, as written or
    /// (Arabic) once its clitics are removed ("وفي", "بأن").
    let isStopWord: [Bool]
    /// Every token's Arabic clitic readings, one after another, worked out once.
    private let cliticVariants: [ArabicPrefixes.Variant]
    /// Per token: where its readings start in `cliticVariants`, and its length in scalars.
    private let cliticStarts: [Int32]
    private let wordLengths: [Int32]

    init(_ article: ParsedArticle) {
        self.article = article
        self.text = article.text
        self.scalars = Array(text.unicodeScalars)
        let tokens = EnrichTokeniser.tokens(of: text, scalars: scalars)
        self.tokens = tokens
        var variants: [ArabicPrefixes.Variant] = []
        var starts: [Int32] = []
        var lengths: [Int32] = []
        starts.reserveCapacity(tokens.count + 1)
        lengths.reserveCapacity(tokens.count)
        for token in tokens {
            starts.append(Int32(variants.count))
            lengths.append(token.kind == .word ? Int32(ArabicPrefixes.appendReadings(of: token.folded, to: &variants)) : 0)
        }
        starts.append(Int32(variants.count))
        self.cliticVariants = variants
        self.cliticStarts = starts
        self.wordLengths = lengths
        let clitics = { (i: Int) in
            ArabicPrefixes.Readings(wordLength: Int(lengths[i]), all: variants[Int(starts[i])..<Int(starts[i + 1])])
        }
        self.keys = tokens.indices.map { i in
            let token = tokens[i]
            return token.kind == .word || token.kind == .number ? TopicLexicon.key(token.folded, readings: clitics(i)) : FoldedWord("")
        }
        self.isStopWord = tokens.indices.map { i in
            let token = tokens[i]
            guard token.kind == .word else { return false }
            if StopWords.any.contains(token.folded) { return true }
            guard token.script == .arabic else { return false }
            return clitics(i).variants().contains { StopWords.contains($0.stem, language: "ar") }
        }
    }

    /// Token i's Arabic clitic readings (none for other tokens).
    func clitics(_ i: Int) -> ArabicPrefixes.Readings {
        ArabicPrefixes.Readings(
            wordLength: Int(wordLengths[i]), all: cliticVariants[Int(cliticStarts[i])..<Int(cliticStarts[i + 1])])
    }

    /// The text between two scalar offsets. The scalars are encoded as UTF-8
    /// straight into the new string's storage: appending them to a
    /// `String.UnicodeScalarView` cost about 50 instructions a scalar.
    func slice(_ start: Int, _ end: Int) -> String {
        let range = scalars[start..<end]
        var count = 0
        for scalar in range { count += UTF8.width(scalar) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in range {
                UTF8.encode(scalar) { byte in
                    buffer[i] = byte
                    i += 1
                }
            }
            return i
        }
    }
}
