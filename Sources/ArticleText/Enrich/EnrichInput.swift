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

    init(_ article: ParsedArticle) {
        self.article = article
        self.text = article.text
        self.scalars = Array(text.unicodeScalars)
        self.tokens = EnrichTokeniser.tokens(of: text)
        self.keys = tokens.map { $0.kind == .word || $0.kind == .number ? TopicLexicon.key($0.folded) : FoldedWord("") }
        self.isStopWord = tokens.map { token in
            guard token.kind == .word else { return false }
            if StopWords.any.contains(token.folded) { return true }
            guard token.script == .arabic else { return false }
            return ArabicPrefixes.variants(of: token.folded).contains { StopWords.contains($0.stem, language: "ar") }
        }
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
