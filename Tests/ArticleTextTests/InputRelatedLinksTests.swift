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

    /// The first article the page parses into.
    private func parsed(_ page: String) throws -> ParsedArticle? {
        let source = try InputDecoder.decode(RawArticle(bytes: Array(page.utf8), declaredFormat: .html))
        return ArticleParser.parse(Normaliser.normalise(source), context: ParseContext()).first
    }

    @Test func aDroppedAsideWithARelatedHeaderBecomesRelatedHeadlines() throws {
        let article = try parsed(Self.page)
        #expect(article?.related == [
            "Radfahrer fordern mehr Platz in der Innenstadt", "Neue Ampeln sollen Kreuzungen sicherer machen",
        ])
        #expect(article?.paragraphs.count == 2)
    }

    @Test func aPageWithoutSuchAHeaderHasNoRelatedBlock() throws {
        let plain = Self.page.replacingOccurrences(of: "Mehr zum Thema", with: "Werbung")
        #expect(try parsed(plain)?.related.isEmpty == true)
    }

    /// "<h2>Related</h2>" inside the article body, its list a sibling after
    /// it: the header is not inside the list's container.
    static let headedListPage = """
        <html><head><title>Council approves new bike lanes</title></head><body>
        <article><h1>Council approves new bike lanes</h1>
        <div class="body">
        <p>The city council approved twenty kilometres of new bike lanes on Monday, a plan it has discussed since last autumn.</p>
        <p>The lanes will cost about twelve million dollars and are to be finished within two years, the city said in a statement.</p>
        <h2 class="cat-head"><span>Related</span></h2>
        <ul class="links"><li><a href="/a">Cyclists ask for more room in the city centre this spring</a></li>
        <li><a href="/b">Innovation: how one small company in the north turns old bicycle frames into new park benches</a></li>
        <li><a href="/c">Traffic lights to be timed for bicycles on three avenues</a></li></ul>
        <p>Work on the first section is to start in March, weather permitting, and will close one lane of the main road for weeks.</p>
        </div></article></body></html>
        """

    @Test func aRelatedHeaderFollowedByASiblingListGivesItsHeadlines() throws {
        let article = try parsed(Self.headedListPage)
        // The second link is too long for a headline (it could read as a teaser).
        #expect(article?.related == [
            "Cyclists ask for more room in the city centre this spring", "Traffic lights to be timed for bicycles on three avenues",
        ])
        #expect(article?.paragraphs.count == 3)
    }

    /// A "Related Coverage" box holding one story (an image link and a headline link).
    @Test func aRelatedBoxWithOneStoryIsARelatedBlock() throws {
        let page = """
            <html><head><title>Council approves new bike lanes</title></head><body>
            <article><h1>Council approves new bike lanes</h1>
            <p>The city council approved twenty kilometres of new bike lanes on Monday, a plan it has discussed since last autumn.</p>
            <p>The lanes will cost about twelve million dollars and are to be finished within two years, the city said in a statement.</p>
            </article>
            <aside><div>Related Coverage</div><div><a href="/f"><img src="f.jpg"></a>
            <a href="/f">Factbox: the city's cycling plans since 2015</a></div></aside>
            </body></html>
            """
        #expect(try parsed(page)?.related == ["Factbox: the city's cycling plans since 2015"])
    }

    /// A story card in the body: its headline, a "Read more" label, and one
    /// link with no text of its own, named by its `aria-label`.
    @Test func aReadMoreCardWithAnAriaLabelledLinkIsARelatedBlock() throws {
        let page = """
            <html><head><title>Council approves new bike lanes</title></head><body>
            <article><h1>Council approves new bike lanes</h1>
            <p>The city council approved twenty kilometres of new bike lanes on Monday, a plan it has discussed since last autumn.</p>
            <aside class="card"><div><h2>Cyclists ask for more room in the city centre</h2></div>
            <div><span><svg><path d="M0 0"/></svg></span><div>Read more</div></div>
            <a href="/c" aria-label="Cyclists ask for more room in the city centre"></a></aside>
            <p>The lanes will cost about twelve million dollars and are to be finished within two years, the city said in a statement.</p>
            </article></body></html>
            """
        let article = try parsed(page)
        #expect(article?.related == ["Cyclists ask for more room in the city centre"])
        #expect(article?.paragraphs.count == 2)
        // With neither text nor a name, the link gives no headline.
        let inline = page.replacingOccurrences(of: "aria-label=\"Cyclists ask for more room in the city centre\"", with: "")
        #expect(try parsed(inline)?.related.isEmpty == true)
    }

    /// A block whose header names its section ("More in Gardening") rather
    /// than saying "related": the header's opening words are enough when the
    /// element holds headline links. A page written for the test.
    static func sectionPage(_ header: String) -> String {
        """
        <html><head><title>Tomatoes grow well on a sunny balcony</title></head><body>
        <article><h1>Tomatoes grow well on a sunny balcony</h1>
        <p>Tomatoes need six hours of sun a day and a pot of at least twenty litres, the gardening society said on Tuesday.</p>
        <p>Water them in the morning, not at night, and tie the stems to a stick once they are a hand high, it advised.</p>
        </article>
        <section class="more-posts"><h4><span>\(header)</span></h4><ul>
        <li><a href="/a">How to keep snails away from young lettuce plants</a></li>
        <li><a href="/b">Five herbs that survive a cold winter outdoors</a></li>
        </ul></section>
        </body></html>
        """
    }

    @Test(arguments: ["More in Gardening", "Le fil du blog", "Mehr aus Berlin"])
    func aHeaderNamingItsSectionOpensARelatedBlock(_ header: String) throws {
        let article = try parsed(Self.sectionPage(header))
        #expect(article?.related == [
            "How to keep snails away from young lettuce plants", "Five herbs that survive a cold winter outdoors",
        ])
        #expect(article?.paragraphs.count == 2)
    }

    /// A sentence that merely opens like such a header is not one.
    @Test(arguments: ["More in a moment, after the break.", "Weather", "More on this tomorrow morning when the society meets again"])
    func proseOrAPlainWordIsNoSectionHeader(_ header: String) throws {
        #expect(try parsed(Self.sectionPage(header))?.related.isEmpty == true)
    }

    /// A blog's "Hot Topics" widget (a list of popular posts) is a related block.
    @Test func aPopularPostsWidgetIsARelatedBlock() throws {
        let article = try parsed(Self.sectionPage("Hot Topics"))
        #expect(article?.related.count == 2)
    }
}
