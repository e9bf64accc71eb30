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
    /// Each token's Arabic clitic readings (empty for other words), worked out once.
    let clitics: [ArabicPrefixes.Readings]

    init(_ article: ParsedArticle) {
        self.article = article
        self.text = article.text
        self.scalars = Array(text.unicodeScalars)
        let tokens = EnrichTokeniser.tokens(of: text, scalars: scalars)
        self.tokens = tokens
        let clitics = tokens.map { $0.kind == .word ? ArabicPrefixes.readings(of: $0.folded) : ArabicPrefixes.Readings() }
        self.clitics = clitics
        self.keys = tokens.indices.map { i in
            let token = tokens[i]
            return token.kind == .word || token.kind == .number ? TopicLexicon.key(token.folded, readings: clitics[i]) : FoldedWord("")
        }
        self.isStopWord = tokens.indices.map { i in
            let token = tokens[i]
            guard token.kind == .word else { return false }
            if StopWords.any.contains(token.folded) { return true }
            guard token.script == .arabic else { return false }
            return clitics[i].variants().contains { StopWords.contains($0.stem, language: "ar") }
        }
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
