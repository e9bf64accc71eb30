import Testing
@testable import ArticleText

/// A related block the main-text extractor drops as furniture still reaches
/// the parse stage as a "read also" block; a small example page.
@Suite(.timeLimit(.minutes(5))) struct InputRelatedLinksTests {
    static let page = """
        <html><head><title>Stadt baut neue Radwege</title></head><body>
        <article><h1>Stadt baut neue Radwege</h1>
        <p>Die Stadt will in den kommenden zwei Jahren zwanzig Kilometer neue Radwege bauen, teilte die Verwaltung am Montag mit.</p>
        <p>Der Stadtrat hatte den Plan im Herbst beschlossen, die Kosten liegen bei rund zwölf Millionen Euro für das ganze Netz.</p>
        </article>
        <aside><h2>Mehr zum Thema</h2><ul>
        <li><a href="/a">Radfahrer fordern mehr Platz in der Innenstadt</a></li>
        <li><a href="/b">Neue Ampeln sollen Kreuzungen sicherer machen</a></li>
        <li><a href="/c"><noscript><img src="x.jpg"></noscript>Tags</a></li>
        </ul></aside>
        </body></html>
        """

    @Test func aDroppedAsideWithARelatedHeaderBecomesRelatedHeadlines() throws {
        let source = try InputDecoder.decode(RawArticle(bytes: Array(Self.page.utf8), declaredFormat: .html))
        let article = ArticleParser.parse(Normaliser.normalise(source), context: ParseContext()).first
        #expect(article?.related == [
            "Radfahrer fordern mehr Platz in der Innenstadt", "Neue Ampeln sollen Kreuzungen sicherer machen",
        ])
        #expect(article?.paragraphs.count == 2)
    }

    @Test func aPageWithoutSuchAHeaderHasNoRelatedBlock() throws {
        let plain = Self.page.replacingOccurrences(of: "Mehr zum Thema", with: "Werbung")
        let source = try InputDecoder.decode(RawArticle(bytes: Array(plain.utf8), declaredFormat: .html))
        #expect(ArticleParser.parse(Normaliser.normalise(source), context: ParseContext()).first?.related.isEmpty == true)
    }
}
