import Testing
@testable import ArticleText

@Suite("Input decoder: HTML", .timeLimit(.minutes(5)))
struct InputHTMLTests {
    private func decode(_ html: String) throws(ArticleTextError) -> SourceDocument {
        try InputDecoder.decode(RawArticle(bytes: Array(html.utf8), declaredFormat: .html))
    }

    private let page = """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl"><head>
        <title>وزارة الزراعة تعلن خطة جديدة | صحيفة المثال</title>
        <meta property="og:title" content="وزارة الزراعة تعلن خطة جديدة">
        <meta property="og:site_name" content="صحيفة المثال">
        <meta property="article:published_time" content="2024-04-13T08:15:00+03:00">
        <meta property="article:modified_time" content="2024-04-13T10:00:00+03:00">
        <link rel="canonical" href="https://example.org/news/2024/04/13/plan">
        <style>p { color: red }</style>
        <script>var x = "<p>not text</p>";</script>
        </head><body>
        <header class="site-header"><nav><a href="/">الرئيسية</a> <a href="/w">العالم</a></nav></header>
        <div class="share-bar"><a href="#">فيسبوك</a><a href="#">تويتر</a></div>
        <article>
          <h1>وزارة الزراعة تعلن خطة جديدة</h1>
          <p>أعلنت وزارة الزراعة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية، وتشمل الخطة قروضا ميسرة وبرامج تدريب.</p>
          <p>وقال المتحدث باسم الوزارة إن الخطة ستبدأ في الربع الثالث من العام&nbsp;الجاري &raquo; بحسب البيان.</p>
          <h2>تفاصيل التمويل</h2>
          <p>يبلغ التمويل الإجمالي &#1633;&#1634; مليون دينار &amp; يوزع على ثلاث سنوات.<br>ويشمل التمويل كل المحافظات</p>
          <div class="related-posts"><ul><li><a href="/a">خبر آخر عن الزراعة</a></li><li><a href="/b">خبر ثالث</a></li></ul></div>
          <ul class="list"><li><a href="/c">رابط</a></li><li><a href="/d">رابط آخر</a></li><li><a href="/e">رابط ثالث</a></li></ul>
          <section id="comments"><p>تعليق من قارئ على الخبر يقول إن الخطة ممتازة جدا ويجب تنفيذها فورا.</p></section>
        </article>
        <aside><p>الأكثر قراءة: خبر لا علاقة له بالموضوع الأصلي على الإطلاق في هذه الصفحة.</p></aside>
        <footer>حقوق النشر محفوظة</footer>
        </body></html>
        """

    @Test func extractsTheArticleAndDropsFurniture() throws {
        let doc = try decode(page)
        let lines = doc.text.split(separator: "\n").map(String.init)
        #expect(lines == [
            "وزارة الزراعة تعلن خطة جديدة",
            "أعلنت وزارة الزراعة اليوم خطة جديدة لدعم المزارعين في المناطق الريفية، وتشمل الخطة قروضا ميسرة وبرامج تدريب.",
            "وقال المتحدث باسم الوزارة إن الخطة ستبدأ في الربع الثالث من العام\u{00A0}الجاري » بحسب البيان.",
            "تفاصيل التمويل",
            "يبلغ التمويل الإجمالي ١٢ مليون دينار & يوزع على ثلاث سنوات.",
            "ويشمل التمويل كل المحافظات",
        ])
    }

    @Test func readsMetadata() throws {
        let doc = try decode(page)
        #expect(doc.format == .html)
        #expect(doc.metadata.title == "وزارة الزراعة تعلن خطة جديدة")
        #expect(doc.metadata.outlet == "صحيفة المثال")
        #expect(doc.metadata.publishedAt == "2024-04-13T08:15:00+03:00")
        #expect(doc.metadata.updatedAt == "2024-04-13T10:00:00+03:00")
        #expect(doc.metadata.language == "ar")
        #expect(doc.metadata.url == "https://example.org/news/2024/04/13/plan")
    }

    @Test func readsJSONLDInAGraph() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
             {"@type":["NewsArticle"],"headline":"Storm hits the coast","datePublished":"2023-11-02T06:00:00Z",
              "dateModified":"2023-11-02T09:30:00Z","publisher":{"@type":"Organization","name":"Coast News"},
              "author":[{"@type":"Person","name":"A. Writer"},{"@type":"Person","name":"B. Writer"}]}]}
            </script></head><body><div><p>A storm hit the coast on Thursday, cutting power to thousands of homes.</p></div></body></html>
            """
        let doc = try decode(html)
        #expect(doc.metadata.title == "Storm hits the coast")
        #expect(doc.metadata.publishedAt == "2023-11-02T06:00:00Z")
        #expect(doc.metadata.updatedAt == "2023-11-02T09:30:00Z")
        #expect(doc.metadata.outlet == "Coast News")
        #expect(HTMLMetadataReader.strippingSiteName("Storm hits the coast | Coast News", "Coast News") == "Storm hits the coast")
        #expect(HTMLMetadataReader.strippingSiteName("Coast News - Storm hits", "Coast News") == "Storm hits")
        #expect(doc.metadata.author == "A. Writer, B. Writer")
    }

    @Test func readsBrokenJSONLDAndTimeElements() throws {
        let broken = """
            <html><body><script type="application/ld+json">{"@type":"NewsArticle", "datePublished": "2022-05-06",
            "headline": "line
            break"</script><p>Body text that is long enough to count as a paragraph here.</p></body></html>
            """
        #expect(try decode(broken).metadata.publishedAt == "2022-05-06")
        let timed = """
            <html><body><div class="sidebar"><time datetime="2019-01-01">old</time></div>
            <article><p>Some article text that is long enough to be the body of the page.</p>
            <time datetime="2021-03-04T05:06">4 March</time></article></body></html>
            """
        #expect(try decode(timed).metadata.publishedAt == "2021-03-04T05:06:00")
        let dated = """
            <html><head><meta name="DC.date.issued" content="2020/07/08"></head>
            <body><p>Some article text that is long enough to be the body of the page.</p></body></html>
            """
        #expect(try decode(dated).metadata.publishedAt == "2020-07-08")
    }

    @Test func toleratesTagSoup() throws {
        let soup = """
            <div><p>First paragraph without a closing tag, still long enough to count
            <p>Second <b>bold <i>nested</b> text</i> with &copy 2024 &unknown; &#x1F600; &#0; &#150;
            <li>item <!-- a comment <p>inside</p> --> one<li>item two
            <br/><img src="a.png" alt="picture"><p>Unclosed last <span>paragraph
            """
        let doc = try decode(soup)
        let lines = doc.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("First paragraph without a closing tag, still long enough to count"))
        #expect(lines.contains("Second bold nested text with © 2024 &unknown; 😀 \u{FFFD} –"))
        #expect(lines.contains("item one"))
        #expect(lines.contains("item two"))
        #expect(lines.last == "Unclosed last paragraph")
    }

    /// HTML nested 100,000 deep (a poison kind of the chaos run) made a node
    /// per tag past the depth cap, all siblings, and the extractor walked
    /// them all: 0.1 s a page. A run of identical empty elements is one node,
    /// and the page still reads the same.
    @Test func runsOfEmptyElementsMakeOneNode() throws {
        let paragraphs = "<p>The council approved the new library budget on Tuesday evening.</p><p>Twelve branches will open later.</p>"
        for tag in ["div", "span", "p", "b", "section"] {
            let deep = "<html><body>" + String(repeating: "<\(tag)>", count: 2_000) + paragraphs
                + String(repeating: "</\(tag)>", count: 2_000) + "</body></html>"
            let root = HTMLTreeBuilder.build(HTMLTokenizer(Array(deep.utf8)).tokens())
            var elements = 0
            root.forEachElement { _ in elements += 1 }
            #expect(elements < 2 * HTMLTreeBuilder.maxDepth, "\(tag): \(elements) elements")
            let lines = try decode(deep).text.split(separator: "\n").map(String.init)
            #expect(lines == ["The council approved the new library budget on Tuesday evening.", "Twelve branches will open later."], "\(tag)")
        }
        let tree = HTMLTreeBuilder.build(HTMLTokenizer(Array("<p></p><p>One</p><a></a><a></a><p class=x></p><p></p>".utf8)).tokens())
        #expect(tree.children.map(\.tag) == ["p", "a", "a", "p", "p"], "links and elements with attributes stay apart")
    }

    @Test("Attributes: the first of a repeated name counts, with few attributes and with many")
    func firstRepeatedAttributeCounts() {
        for count in [1, 5, 11, 12, 13, 40] {
            let names = (0..<count).map { "data-k\($0)" }
            let html = "<div " + names.map { "\($0)=first" }.joined(separator: " ") + " CLASS=a class=b " + names.map { "\($0)=second" }.joined(separator: " ") + ">x</div>"
            let root = HTMLTreeBuilder.build(HTMLTokenizer(Array(html.utf8)).tokens())
            guard let div = root.children.first else {
                Issue.record("no element for \(count) attributes")
                continue
            }
            #expect(div.attribute("class") == "a", "\(count) attributes")
            #expect(names.allSatisfy { div.attribute($0) == "first" }, "\(count) attributes")
            #expect(div.attribute("data-k\(count)") == nil, "\(count) attributes")
        }
    }

    @Test("A style hides an element in any case, with spaces, and with non-ASCII text around")
    func inlineStylesHide() throws {
        let body = "<p>The council approved the new library budget on Tuesday evening after a long debate.</p>"
        for style in ["display:none", "DISPLAY : NONE", "color:red; visibility: hidden", "font-family:\"Café\"; display: none"] {
            let html = "<html><body><article>\(body)<div style='\(style)'><p>Hidden teaser text that must not be read as part of the story.</p></div></article></body></html>"
            #expect(try decode(html).text == "The council approved the new library budget on Tuesday evening after a long debate.", "\(style)")
        }
        let shown = "<html><body><article>\(body)<div style='font-family:\"Café\"; display: nonè'><p>Shown text that belongs to the story as well.</p></div></article></body></html>"
        #expect(try decode(shown).text.contains("Shown text"))
    }

    @Test("Paragraph commas counted on bytes agree with counting Characters")
    func commaCountMatchesCharacters() {
        let samples = [
            "", ",", "a, b, c", "قال، ثم مضى", "ب،ج", ",\u{0301} x", "،\u{064B} x", "\u{0600}, x", "\u{06DD}، x",
            "x,\u{200D}y", "é, ü، 😀,", "\r\n,\r\n", String(repeating: "word, ", count: 50),
        ]
        for text in samples {
            let characters = text.reduce(0) { $0 + ($1 == "," || $1 == "،" ? 1 : 0) }
            #expect(MainTextExtractor.commaCount(text) == characters, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func scoresTheDensestBlockWithoutArticleMarkup() throws {
        let html = """
            <html><body>
            <div id="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
            <div class="content">
              <h1>Council approves new budget</h1>
              <p>The city council approved a new budget on Monday, raising spending on schools, roads and parks.</p>
              <p>Members voted nine to two after a long debate, with the mayor calling the result a fair compromise.</p>
              <p>The budget takes effect in July, and officials said, in a statement, that services would expand.</p>
            </div>
            <div class="most-read"><p>Most read: an unrelated story about something else entirely, with many words.</p></div>
            <div class="footer-links"><a href="/a">About</a> <a href="/c">Contact</a> <a href="/p">Privacy</a></div>
            </body></html>
            """
        let lines = try decode(html).text.split(separator: "\n").map(String.init)
        #expect(lines.first == "Council approves new budget")
        #expect(lines.count == 4)
        #expect(!lines.contains { $0.contains("Most read") || $0.contains("Privacy") || $0.contains("Home") })
    }

    @Test func scriptRenderedPageFallsBackToStatedTitleAndSummary() throws {
        let html = """
            <html><head><title>Headline only</title><meta name="description" content="A summary of the story.">
            </head><body><div id="app"></div><script>render()</script></body></html>
            """
        let doc = try decode(html)
        #expect(doc.text == "Headline only\nA summary of the story.")
    }

    @Test func fallsBackToADateInTheCrawlersURL() throws {
        let html = "<html><body><p>Some article text that is long enough to be the body of the page.</p></body></html>"
        let raw = RawArticle(bytes: Array(html.utf8), declaredFormat: .html, url: "https://example.org/2021/03/04/story")
        let doc = try InputDecoder.decode(raw)
        #expect(doc.metadata.publishedAt == "2021-03-04")
        #expect(doc.metadata.url == "https://example.org/2021/03/04/story")
    }

    @Test func prefersTheLocalTwinOfAUTCTime() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2020-12-24T23:59:50+00:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-12-25T01:59:50+02:00"}</script>
            </head><body><p>Some article text that is long enough to be the body of the page.</p></body></html>
            """
        #expect(try decode(html).metadata.publishedAt == "2020-12-25T01:59:50+02:00")
        let script = """
            <html><head><meta property="article:published_time" content="2020-02-18T02:18:11Z">
            <script>var publication_date = "2020-02-17 21:18:11";</script>
            </head><body><p>Some article text that is long enough to be the body of the page.</p></body></html>
            """
        #expect(try decode(script).metadata.publishedAt == "2020-02-17T21:18:11-05:00")
    }
    /// The site's top bar shows today's date in a date-classed element before
    /// the article; the date readers see under the headline is the article's.
    @Test func prefersTheVisibleDateUnderTheHeadline() throws {
        let body = "<p>Some article text that is long enough to be the body of the page, and then some more.</p>"
        let html = """
            <html><head><title>Harbour bridge reopens after repairs</title></head><body>
            <header><ul class="topbar-info"><li>Baku</li><li class="today">Tuesday, (08 Dec 2020)</li></ul></header>
            <div class="post"><h1>Harbour bridge reopens after repairs</h1>
            <ul class="nav"><li><a href="/t">13 Oct 2020 18:29</a></li></ul>\(body)</div>
            <div class="more"><span class="date">2 Oct 2020</span></div>
            </body></html>
            """
        #expect(try decode(html).metadata.publishedAt == "2020-10-13")
        let second = """
            <html><head><title>Harbour bridge reopens after repairs</title></head><body>
            <h2>Local news</h2><div class="new_text"><span class="date">Tue, 14 Jan 2020</span></div>
            <div class="banner"><h2>Harbour bridge reopens after repairs</h2><p>News24<br>13 Jan 2020, 22:11 GMT+10</p></div>
            \(body)</body></html>
            """
        #expect(try decode(second).metadata.publishedAt == "2020-01-13")
        let updated = """
            <html><head><title>Harbour bridge reopens after repairs</title></head><body>
            <h1>Harbour bridge reopens after repairs</h1><p>Updated 14 Jan 2020</p><p class="date">12 Jan 2020</p>
            \(body)</body></html>
            """
        #expect(try decode(updated).metadata.publishedAt == "2020-01-12")
        let captioned = """
            <html><head><title>Harbour bridge reopens after repairs</title></head><body>
            <h1>Harbour bridge reopens after repairs</h1>
            <div class="caption">FILE PHOTO: Workers repair the harbour bridge near the old port, January 16, 2020. Jane Doe/Pool</div>
            <p>January 18, 2020</p>\(body)</body></html>
            """
        #expect(try decode(captioned).metadata.publishedAt == "2020-01-18")
    }
}
