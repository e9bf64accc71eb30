import Foundation
import Testing
@testable import ArticleText

/// Page chrome, issuing bodies, speakers and bracketed credits around the
/// headline, on examples written for the project.
@Suite(.timeLimit(.minutes(5))) struct ParseHeaderChromeTests {
    static let arabicBody = String(repeating: "وقال المتحدث إن الوزارة تتابع العمل مع الشركاء في المنطقة ", count: 3) + "."

    func first(_ text: String, metadata: DocumentMetadata = DocumentMetadata()) -> ParsedArticle? {
        ParseTestSupport.parse(text, metadata: metadata).first
    }

    @Test func latinBannerAboveArabicTextIsNotTheHeadline() {
        let text = """
            A sample site banner in English that tells readers how to know the site
            Skip to main menu
            وزارة الصحة العامة
            بيان صحفي
            3 تشرين الأول/أكتوبر 2022
            \(Self.arabicBody)
            \(Self.arabicBody)
            """
        let article = first(text)
        #expect(article?.title == nil)
        #expect(article?.agency == "وزارة الصحة العامة")
        #expect(article?.publishedAt?.hasPrefix("2022-10-03") == true)
    }

    @Test func aWellKnownSeatOfGovernmentAloneOnTheFirstLineIsTheIssuer() {
        let article = first("البيت الأبيض\nبيان صحفي\n3 تشرين الأول/أكتوبر 2022\n\(Self.arabicBody)")
        #expect(article?.title == nil)
        #expect(article?.agency == "البيت الأبيض")
        let headline = first("البيت الأبيض يعلن عقوبات جديدة\n3 تشرين الأول/أكتوبر 2022\n\(Self.arabicBody)")
        #expect(headline?.title == "البيت الأبيض يعلن عقوبات جديدة")
    }

    @Test func issuerLineBelowTheHeadlineCreditsTheText() {
        let article = first("الوزارة تطلق حملة للتوعية\nوزارة الصحة العامة\n3 تشرين الأول/أكتوبر 2022\n\(Self.arabicBody)")
        #expect(article?.title == "الوزارة تطلق حملة للتوعية")
        #expect(article?.agency == "وزارة الصحة العامة")
    }

    /// A second issuer line names the issuing office: the first credits the
    /// text, the second stays in it (with its names) instead of vanishing.
    @Test func aSecondIssuerLineNamingTheOfficeStaysInTheText() {
        let article = first("وزارة الصحة العامة\nمكتب المتحدث باسم وزارة الصحة\n3 تشرين الأول/أكتوبر 2022\n\(Self.arabicBody)")
        #expect(article?.agency == "وزارة الصحة العامة")
        #expect(article?.paragraphs.first == "مكتب المتحدث باسم وزارة الصحة")
        #expect(article?.publishedAt?.hasPrefix("2022-10-03") == true)
    }

    @Test func aSeveralSentenceFirstLineIsBody() {
        let article = first("هل تعرف هذه الخدمة؟ نقدم الخدمة لكل القراء في كل مكان من العالم مجانا.\n\(Self.arabicBody)")
        #expect(article?.title == nil)
    }

    @Test func aBannerWithCloseButtonAndArrowLinkIsNotTheHeadline() {
        let text = """
            أغلق
            ادعم موقعنا اليوم!
            يعمل فريقنا كل يوم على نشر الأخبار التي لا تجد طريقها إلى القراء، ولا يمكننا الاستمرار دون دعمكم الكريم لنا.
            تبرع الآن
            اعرف المزيد عن مشروعنا  »
            افتتاح مكتبة عامة جديدة في المدينة
            \(Self.arabicBody)
            \(Self.arabicBody)
            """
        #expect(first(text)?.title == "افتتاح مكتبة عامة جديدة في المدينة")
    }

    @Test func submissionAndSearchLinksAndACounterAboveTheHeadlineAreChrome() {
        let text = """
            Submit Release
            News Search
            There were 120 notices posted in the last 24 hours and 9,000 in the last 365 days.
            Council Opens New Library in the Old Town
            MEDIA NOTE
            OFFICE OF THE SPOKESPERSON
            MARCH 3, 2024
            The council opened a new public library in the old town on Monday, the spokesperson said in a statement.
            """
        let article = first(text)
        #expect(article?.title == "Council Opens New Library in the Old Town")
        #expect(article?.agency == "OFFICE OF THE SPOKESPERSON")
        #expect(article?.publishedAt?.hasPrefix("2024-03-03") == true)
    }

    @Test func aHeadlineOnTheFirstLineIsKeptWhateverControlsFollow() {
        let text = "Council Opens New Library\nSearch\nMarch 3, 2024\nThe council opened a new public library in the old town on Monday, the mayor said in a statement."
        #expect(first(text)?.title == "Council Opens New Library")
        #expect(PageChrome.isArrowLink("Learn more »"))
        #expect(!PageChrome.isArrowLink("الوزير: «لن نتراجع»"))
        #expect(!PageChrome.isArrowLink("قال الوزير « لن نتراجع »"))
    }

    @Test func aBareDateAboveAnOpeningBodyDatesTheText() {
        let body = "المدينة – " + String(repeating: "تدين الوزارة الهجوم الذي وقع اليوم وتتقدم بالتعازي إلى عائلات الضحايا ", count: 3) + "."
        let dated = first("9 يناير 2017\n\(body)")
        #expect(dated?.title == nil)
        #expect(dated?.publishedAt?.hasPrefix("2017-01-09") == true)
        // Above a headline, the same line is the site's day, not the article's.
        let headed = first("9 يناير 2017\nالوزارة تدين الهجوم\n\(body)")
        #expect(headed?.title == "الوزارة تدين الهجوم")
        #expect(headed?.publishedAt == nil)
    }

    @Test func aSpeakerLineIsNotADateline() {
        let article = first("عنوان التصريحات\nالوزيرة سلمى: صباح الخير للجميع.\n\(Self.arabicBody)")
        #expect(article?.dateline == nil)
    }

    @Test func aBracketedCreditAfterAPlaceOpensTheBody() {
        let article = first("Springfield, IL (Valley Times) – The city council met on Monday to vote on the new budget for parks.\nThe vote was close and the mayor said more talks would follow next week.")
        #expect(article?.title == nil)
        #expect(article?.agency == "Valley Times")
        #expect(article?.dateline == "Springfield, IL")
    }

    @Test func aModificationTimeEqualToPublicationIsNoUpdate() {
        var metadata = DocumentMetadata()
        metadata.publishedAt = "2021-05-02T08:00:00+02:00"
        metadata.updatedAt = "2021-05-02T08:00:00+02:00"
        #expect(first("Title\nSome body text that is long enough to be a paragraph of the article here.", metadata: metadata)?.updatedAt == nil)
        let labelled = first("عنوان\nتاريخ النشر: 2 مايو 2021\nآخر تحديث: 2 مايو 2021\n\(Self.arabicBody)")
        #expect(labelled?.updatedAt?.hasPrefix("2021-05-02") == true)
    }
}
