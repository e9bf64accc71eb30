import Testing
@testable import ArticleText

@Suite("Normaliser golden examples", .timeLimit(.minutes(5)))
struct NormaliseGoldenTests {
    @Test func unifiesWhitespaceAndLineBreaks() {
        let input = "  Title\u{00A0}\u{00A0}of   the day  \r\nfirst line\u{2009}here\r\n\r\n\r\n\rsecond\u{2028}third\u{0085}fourth  \n\n"
        #expect(Normaliser.normaliseText(input) == "Title of the day\nfirst line here\n\nsecond\nthird\nfourth")
    }

    @Test func removesInvisibleAndBidiControlsAndTatweel() {
        let input = "\u{FEFF}\u{202B}الرياض\u{202C} \u{200F}- أعلنت\u{200B} الـــوزارة\u{2066}اليوم\u{2069} co\u{00AD}operate"
        #expect(Normaliser.normaliseText(input) == "الرياض - أعلنت الوزارةاليوم cooperate")
    }

    @Test func keepsJoinersOnlyBetweenArabicScriptLetters() {
        // Persian "می‌خواهم" keeps its ZWNJ; a ZWNJ next to Latin or space goes.
        #expect(Normaliser.normaliseText("می\u{200C}خواهم") == "می\u{200C}خواهم")
        #expect(Normaliser.normaliseText("ab\u{200C}cd \u{200C}می") == "abcd می")
        #expect(Normaliser.normaliseText("می\u{200C} خواهم") == "می خواهم")
        #expect(Normaliser.normaliseText("\u{200D}ب\u{200D}\u{200D}ت\u{200D}") == "ب\u{200D}ت")
    }

    @Test func composesToNFCAndKeepsEverythingElse() {
        #expect(Normaliser.normaliseText("Cafe\u{0301} «quoted» — €5 © 😀 ١٢٣") == "Café «quoted» — €5 © 😀 ١٢٣")
        // Removing a control must not leave a decomposed pair behind.
        #expect(Normaliser.normaliseText("e\u{200B}\u{0301}") == "é")
        #expect(Normaliser.normaliseText("\u{0627}\u{0654}") == "\u{0623}")
    }

    @Test func countsWhatItMet() {
        var report = NormalisationReport()
        _ = Normaliser.normaliseText("«a» “b” – c — d\u{200F}ـ\u{00A0}e", report: &report)
        #expect(report.quotes == 4)
        #expect(report.dashes == 2)
        #expect(report.removedControls == 1)
        #expect(report.removedTatweel == 1)
        #expect(report.unifiedWhitespace >= 1)
    }

    @Test func foldsForSearch() {
        #expect(Normaliser.fold("أَحْمَد إلى آخر ٱلكتاب مدرسة مستشفى") == "احمد الي اخر الكتاب مدرسه مستشفي")
        #expect(Normaliser.fold("Éric STRASSE Straße Ærø naïve") == "eric strasse strasse aero naive")
        #expect(Normaliser.fold("٢٠٢٤ ۱۴۰۳ 2024") == "2024 1403 2024")
        #expect(Normaliser.fold("یک کتاب") == "يك كتاب")
        #expect(Normaliser.fold("مسؤول مسئول") == "مسؤول مسئول")
        #expect(Normaliser.fold("€ © 😀") == "€ © 😀")
    }

    @Test func machineDigitsMapsOnlyDigits() {
        #expect(Normaliser.machineDigits("١٣ أبريل ٢٠٢٤ / ۱۴۰۳") == "13 أبريل 2024 / 1403")
        #expect(Normaliser.machineDigits("no digits") == "no digits")
    }

    @Test func normalisesDocumentAndMetadata() {
        let source = SourceDocument(
            text: "\u{FEFF}العنوان\r\n\r\nالنص",
            format: .text,
            metadata: DocumentMetadata(title: " العنوان\u{200F}\n الثاني ", publishedAt: "٢٠٢٤-٠٤-١٣", outlet: "  المستقلة ")
        )
        let doc = Normaliser.normalise(source)
        #expect(doc.text == "العنوان\n\nالنص")
        #expect(doc.searchText == "العنوان\n\nالنص")
        #expect(doc.metadata.title == "العنوان الثاني")
        #expect(doc.metadata.publishedAt == "2024-04-13")
        #expect(doc.metadata.outlet == "المستقلة")
        #expect(Normaliser.normalise(SourceDocument(text: doc.text, format: .text, metadata: doc.metadata)).metadata == doc.metadata)
    }
}
