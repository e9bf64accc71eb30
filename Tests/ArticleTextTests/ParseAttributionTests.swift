import Testing
@testable import ArticleText

/// Agency, outlet and dateline recognition on the project's own examples.
@Suite(.timeLimit(.minutes(5))) struct ParseAttributionTests {
    static let body = String(repeating: "وقال المسؤول إن العمل مستمر ", count: 4) + "."
    static let englishBody = String(repeating: "The officials said the work goes on ", count: 3) + "."

    func first(_ text: String) -> ParsedArticle? { ParseTestSupport.parse(text).first }

    @Test func wireTagsAtTheStart() {
        let reuters = first("عنوان\nالقاهرة (رويترز) - \(Self.body)")
        #expect(reuters?.agency == "رويترز")
        #expect(reuters?.dateline == "القاهرة")
        let cnn = first("Title\nWASHINGTON (CNN) -- \(Self.englishBody)")
        #expect(cnn?.agency == "CNN")
        #expect(cnn?.dateline == "WASHINGTON")
        let slash = first("عنوان\nالمستقلة/- \(Self.body)")
        #expect(slash?.dateline == "المستقلة")
        #expect(slash?.agency == nil)
    }

    @Test func tagsAtTheEnd() {
        #expect(first("عنوان\n\(Self.body)\n-- (بترا)")?.agency == "بترا")
        #expect(first("Title\nPARIS, May 3 — \(Self.englishBody) — AFP")?.agency == "AFP")
        #expect(first("Title\nPARIS, May 3 — \(Self.englishBody)")?.dateline == "PARIS")
        #expect(first("Title\n\(Self.englishBody)\n© 2021 Reuters")?.agency == "Reuters")
        // The year after the owner, and a wire's name ending the owner's name.
        #expect(first("Title\n\(Self.englishBody)\n© Thomson Reuters 2021")?.agency == "Reuters")
        #expect(first("Title\n\(Self.englishBody)\n© 2021 City Herald")?.agency == nil)
    }

    @Test func bylineLines() {
        let cases: [(String, String?, String?)] = [
            ("الرياض - الوئام :", "الوئام", "الرياض"),
            ("سبق- أبها", "سبق", "أبها"),
            ("واس – جدة:", "واس", "جدة"),
            ("عكاظ (مكة المكرمة)", "عكاظ", "مكة المكرمة"),
            ("Hindustan Times, Bhubaneswar", "Hindustan Times", "Bhubaneswar"),
            ("القاهرة: محمد علي", nil, "القاهرة"),
            ("By Jane Doe and John Roe Reuters", "Reuters", nil),
        ]
        for (line, agency, dateline) in cases {
            let article = first("عنوان\n\(line)\n\(Self.body)")
            #expect(article?.agency == agency, "\(line)")
            #expect(article?.dateline == dateline, "\(line)")
        }
    }

    @Test func spaDatelineAndSourceLine() {
        let spa = first("عام / خبر\nجدة 3 ذو القعدة 1436 هـ الموافق 18 أغسطس 2015 م واس\n\(Self.body)\n// انتهى //")
        #expect(spa?.agency == "واس")
        #expect(spa?.dateline == "جدة")
        #expect(spa?.publishedAt == "2015-08-18")
        #expect(spa?.paragraphs.contains("// انتهى //") == false)
        let source = first("عنوان\n\(Self.body)\nالمصدر: وكالة أنباء المثال")
        #expect(source?.agency == "وكالة أنباء المثال")
        let split = first("عنوان\nالمصدر:\n(دبي - الخليج)\n\(Self.body)")
        #expect(split?.agency == "الخليج")
        #expect(split?.dateline == "دبي")
    }

    @Test func quotedSourcesInTheBodyAreNotTheAgency() {
        #expect(first("عنوان\nالقاهرة: محمد علي\n\(Self.body) وقال مصدر لـ«رويترز» إن الأمر انتهى.\n\(Self.body)")?.agency == nil)
        #expect(first("Title\n\(Self.englishBody) an official told Reuters.\n\(Self.englishBody)")?.agency == nil)
    }
}
