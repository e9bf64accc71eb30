import Testing

@testable import ArticleText

/// City names that are also everyday words (`contextualNames` in
/// `places.tsv`: حمص "chickpeas", بريدة "his mail") count as
/// places only where the text puts a place there. Sentences written for the
/// project.
@Suite(.timeLimit(.minutes(5))) struct EnrichPlaceContextTests {
    private func places(_ text: String) -> [String] {
        Enricher.enrich(ParsedArticle(id: "t", paragraphs: [text])).entities.filter { $0.type == .place }.map(\.canonicalName)
    }

    @Test func anEverydayWordAloneIsNoPlace() {
        #expect(places("وتعمل الحكومة دوما على تعزيز الأمن في البلاد.") == [])
        #expect(places("وأكد أن أمن المنطقة أولوية.") == [])
        #expect(places("اشترى حمص وفول وعاد إلى البيت.") == [])
    }

    @Test func aPrepositionOrPlaceNounBeforeItMakesItAPlace() {
        #expect(places("سقطت قذائف في حمص صباح اليوم.") == ["حمص"])
        #expect(places("وصل الوفد إلى مدينة بريدة مساء أمس.") == ["بريدة"])
        #expect(places("قصفت الطائرات مواقع بحمص.") == ["حمص"])
    }

    @Test func aDatelineMakesItAPlace() {
        #expect(places("بريدة 25 شوال 1436 هـ\nيواصل المهرجان فعالياته.") == ["بريدة"])
        #expect(places("بريدة\nيواصل المهرجان فعالياته.") == ["بريدة"])
    }

    @Test func aPlainNameOfTheSameWordsNeedsNoContext() {
        #expect(places("زار الوزير الرياض أمس.") == ["الرياض"])
    }
}
