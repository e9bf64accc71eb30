/// What every enrichment reads: the article, its text as Unicode scalars and
/// its tokens, computed once per article.
struct EnrichInput {
    let article: ParsedArticle
    let text: String
    let scalars: [Unicode.Scalar]
    let tokens: [EnrichToken]

    init(_ article: ParsedArticle) {
        self.article = article
        self.text = article.text
        self.scalars = Array(text.unicodeScalars)
        self.tokens = EnrichTokeniser.tokens(of: text)
    }

    /// The text between two scalar offsets.
    func slice(_ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
