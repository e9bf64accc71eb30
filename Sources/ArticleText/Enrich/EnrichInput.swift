/// What every enrichment reads: the article, its text as Unicode scalars and
/// its tokens, computed once per article.
struct EnrichInput {
    let article: ParsedArticle
    let text: String
    let scalars: [Unicode.Scalar]
    let tokens: [EnrichToken]
    /// Each token's matching key (`TopicLexicon.key` of its folded form):
    /// topics, keywords and the fingerprint all group words by it.
    let keys: [String]

    init(_ article: ParsedArticle) {
        self.article = article
        self.text = article.text
        self.scalars = Array(text.unicodeScalars)
        self.tokens = EnrichTokeniser.tokens(of: text)
        self.keys = tokens.map { $0.kind == .word || $0.kind == .number ? TopicLexicon.key($0.folded) : "" }
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
