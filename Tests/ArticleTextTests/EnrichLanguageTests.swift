import Foundation
import Testing
import TestSupport

@testable import ArticleText

@Suite("Enrich: language and script", .timeLimit(.minutes(5)))
struct EnrichLanguageTests {
    private func language(_ text: String) -> (String?, String?, Double?) {
        let e = Enricher.enrich(ParsedArticle(id: "t", paragraphs: [text]))
        return (e.language, e.script, e.languageConfidence)
    }

    @Test("every corpus article: ar_* is Arabic, en_* English, the seed Arabic", .needsSharedCorpus)
    func corpusLanguages() throws {
        for file in try EnrichTestSupport.articleFiles() {
            let expected = file.hasPrefix("en_") ? "en" : "ar"
            for article in [try EnrichTestSupport.wholeFileArticle(file), try EnrichTestSupport.parsedArticle(file)] {
                let e = Enricher.enrich(article)
                #expect(e.language == expected, "\(file): \(e.language ?? "nil")")
                #expect(e.script == (expected == "ar" ? "Arab" : "Latn"), "\(file)")
                #expect((e.languageConfidence ?? 0) > 0.5, "\(file): \(e.languageConfidence ?? 0)")
            }
        }
    }

    @Test(
        "ten languages from short texts written for the test",
        arguments: [
            ("ar", "Arab", "قالت الحكومة إن المفاوضات مع الشركاء ستستمر خلال الأسبوع المقبل في العاصمة التي تستضيف الاجتماع."),
            ("en", "Latn", "The government said that the talks with its partners would continue next week in the capital, which is hosting the meeting."),
            ("fr", "Latn", "Le gouvernement a déclaré que les discussions avec ses partenaires se poursuivront la semaine prochaine dans la capitale."),
            ("es", "Latn", "El gobierno dijo que las conversaciones con sus socios continuarán la próxima semana en la capital, que acoge la reunión."),
            ("de", "Latn", "Die Regierung sagte, dass die Gespräche mit den Partnern nächste Woche in der Hauptstadt fortgesetzt werden, die das Treffen ausrichtet."),
            ("tr", "Latn", "Hükümet, ortaklarıyla görüşmelerin gelecek hafta toplantıya ev sahipliği yapan başkentte devam edeceğini söyledi."),
            ("fa", "Arab", "دولت گفت که گفتگوها با شرکای خود هفته آینده در پایتخت که میزبان این نشست است ادامه خواهد یافت."),
            ("ur", "Arab", "حکومت نے کہا کہ اپنے شراکت داروں کے ساتھ بات چیت اگلے ہفتے دارالحکومت میں جاری رہے گی جو اس اجلاس کی میزبانی کر رہا ہے۔"),
            ("ru", "Cyrl", "Правительство заявило, что переговоры с партнёрами продолжатся на следующей неделе в столице, которая принимает эту встречу."),
            ("uk", "Cyrl", "Уряд заявив, що переговори з партнерами триватимуть наступного тижня у столиці, яка приймає цю зустріч."),
        ])
    func tenLanguages(expected: String, script: String, text: String) {
        let (language, detectedScript, confidence) = language(text)
        #expect(language == expected)
        #expect(detectedScript == script)
        #expect((confidence ?? 0) > 0.3)
    }

    @Test("an Arabic article quoting English stays Arabic")
    func mixedScript() {
        let text = """
            قال المتحدث باسم الوزارة في مؤتمر صحفي إن الاتفاق سيوقع الشهر المقبل، مضيفا أن الشركة أكدت في بيانها:
            "We are committed to the project and to our partners in the region."
            وأوضح أن المرحلة الأولى من المشروع ستبدأ في الربع الأول من العام المقبل.
            """
        let (language, script, _) = language(text)
        #expect(language == "ar")
        #expect(script == "Arab")
    }

    @Test("a declared language the detector does not know is kept when the script agrees")
    func declaredLanguage() {
        let portuguese = ParsedArticle(
            id: "pt", declaredLanguage: "pt-BR",
            paragraphs: ["O governo disse que as conversas com os parceiros vão continuar na próxima semana na capital."])
        #expect(Enricher.enrich(portuguese).language == "pt")
        let wrongScript = ParsedArticle(
            id: "x", declaredLanguage: "pt", paragraphs: ["قالت الحكومة إن المفاوضات مع الشركاء ستستمر خلال الأسبوع المقبل."])
        #expect(Enricher.enrich(wrongScript).language == "ar")
        let known = ParsedArticle(
            id: "y", declaredLanguage: "es",
            paragraphs: ["The government said that the talks with its partners would continue next week in the capital."])
        #expect(Enricher.enrich(known).language == "en")
    }

    @Test("no language for text with almost no letters")
    func tooShort() {
        #expect(language("12 / 45").0 == nil)
    }
}
