import Foundation
import Testing
import TestSupport

@testable import ArticleText

/// Numbers, quotes, keywords, reading time and offsets, on texts written for the tests.
@Suite("Enrich: numbers, quotes, keywords, reading time", .timeLimit(.minutes(5)))
struct EnrichExtractionTests {
    private func enrich(_ paragraphs: String...) -> Enrichment {
        Enricher.enrich(ParsedArticle(id: "t", paragraphs: paragraphs))
    }

    @Test("numbers in both digit sets, with multipliers, percent, currency and number words")
    func numbers() throws {
        let e = enrich(
            "شارك ١٢ متحدثاً و1800 مشارك في المؤتمر، واستوردت المؤسسة 505 آلاف طن، وحضر خمسة وزراء.",
            "Profits rose 35 percent to $2 billion, and two companies left."
        )
        func find(_ value: Double) -> NumberMention? { e.numbers.first { $0.value == value } }
        #expect(find(12)?.unit == "متحدثاً")
        #expect(find(1800)?.unit == "مشارك")
        #expect(find(505_000)?.unit == "طن")
        #expect(find(5)?.unit == "وزراء")
        #expect(find(35)?.unit == "percent")
        #expect(find(2_000_000_000)?.unit == "USD")
        #expect(find(2_000_000_000)?.text == "$2 billion")
        #expect(find(2)?.unit == "companies")
        let years = enrich("في عام 2015 ارتفع الإنتاج إلى 300 طن").numbers
        #expect(years.first { $0.value == 2015 }?.unit == nil)
        #expect(years.first { $0.value == 300 }?.unit == "طن")
        let text = Array(ParsedArticle(id: "t", paragraphs: [
            "شارك ١٢ متحدثاً و1800 مشارك في المؤتمر، واستوردت المؤسسة 505 آلاف طن، وحضر خمسة وزراء.",
            "Profits rose 35 percent to $2 billion, and two companies left.",
        ]).text.unicodeScalars)
        for number in e.numbers {
            #expect(Array(text[number.start..<number.end]) == Array(number.text.unicodeScalars))
        }
    }

    @Test("quotes with the speaker named in the sentence, before or after")
    func quotes() {
        let e = enrich(
            "وقال الدكتور خالد المنصوري إن «المشروع سيكتمل قبل نهاية العام المقبل».",
            "“We will not withdraw our troops from the region,” President Vladimir Putin said on Monday."
        )
        #expect(e.quotes.count == 2)
        #expect(e.quotes.first?.text == "المشروع سيكتمل قبل نهاية العام المقبل")
        #expect(e.quotes.first?.speaker == "خالد المنصوري")
        #expect(e.quotes.last?.speaker == "Vladimir Putin")
        #expect(e.quotes.last?.text.hasPrefix("We will not withdraw") == true)
    }

    @Test("keywords merge folded spellings and drop stop words")
    func keywords() {
        let e = enrich(
            "الولايات الأمريكية تعلن خطة للطاقة",
            "قالت وزارة الطاقة الامريكية إن خطة الطاقة الأمريكية الجديدة تشمل الطاقة الشمسية، وإن الخطة في مرحلتها الأولى."
        )
        #expect(e.keywords.count <= 10)
        #expect(e.keywords.first == "الطاقة")
        let american = e.keywords.filter { Normaliser.fold($0).hasSuffix("امريكيه") }
        #expect(american.count == 1)
        #expect(!e.keywords.contains("في"))
        #expect(!e.keywords.contains("إن"))
    }

    @Test("reading time: 180 words a minute for Arabic, 200 for English")
    func readingTime() {
        let arabic = enrich(Array(repeating: "كلمة", count: 360).joined(separator: " ") + " وقالت الحكومة إن")
        #expect(arabic.language == "ar")
        #expect(arabic.readingTimeSeconds == Int((Double(363) / 180 * 60).rounded(.up)))
        let english = enrich(Array(repeating: "the word", count: 100).joined(separator: " "))
        #expect(english.readingTimeSeconds == 60)
    }

    @Test("entity offsets are Unicode-scalar offsets into text on every corpus article", .needsSharedCorpus)
    func corpusOffsets() throws {
        for file in try EnrichTestSupport.articleFiles() {
            let article = try EnrichTestSupport.parsedArticle(file)
            let scalars = Array(article.text.unicodeScalars)
            let e = Enricher.enrich(article)
            for entity in e.entities {
                #expect(entity.start >= 0 && entity.start < entity.end && entity.end <= scalars.count)
                // The text is exactly the span; a name cut out of "لل" spells
                // its article in `name` ("الأمم" for the span "لأمم").
                let span = String(String.UnicodeScalarView(scalars[entity.start..<entity.end]))
                #expect(span == entity.text, "\(file)")
                #expect(entity.name == nil || entity.name == "\u{0627}" + span, "\(file)")
            }
            for quote in e.quotes {
                #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text, "\(file)")
            }
            let sameType = Dictionary(grouping: e.entities, by: \.type)
            for (_, list) in sameType {
                for a in list {
                    #expect(!list.contains { $0 != a && $0.start <= a.start && a.end <= $0.end }, "\(file): \(a.text) nested")
                }
            }
        }
    }

    @Test("an empty article enriches to nothing, without failing")
    func empty() {
        let e = Enricher.enrich(ParsedArticle(id: "empty", paragraphs: []))
        #expect(e.language == nil)
        #expect(e.entities.isEmpty && e.quotes.isEmpty && e.numbers.isEmpty && e.topics.isEmpty && e.keywords.isEmpty)
        #expect(e.readingTimeSeconds == 0)
        #expect(e.fingerprint.simhash == "0000000000000000")
    }

    @Test("Arabic clitics on gazetteer names: offsets cover the name, not the prefix; after لل the article is restored in the name")
    func prefixes() {
        let e = enrich("وصل الوفد إلى بغداد ثم توجه وبالعراق وللعراق ولبغداد مع وفد من الامم المتحدة.")
        let places = e.entities.filter { $0.type == .place }.map(\.canonicalName)
        #expect(places.contains("بغداد"))
        #expect(places.contains("العراق"))
        #expect(!places.contains("لعراق"))
        #expect(e.entities.contains { $0.text == "لعراق" && $0.name == "العراق" })
        #expect(e.entities.filter { $0.id == "place:iq" }.count == 2)
        #expect(e.entities.contains { $0.id == "org:un" && $0.text == "الامم المتحدة" })
    }
}
