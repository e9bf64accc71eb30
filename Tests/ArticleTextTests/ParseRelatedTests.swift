import Testing
@testable import ArticleText

/// Related blocks wherever they sit, boilerplate removal and appended articles.
@Suite(.timeLimit(.minutes(5))) struct ParseRelatedTests {
    static func paragraph(_ n: Int) -> String { "هذه فقرة رقم \(n) من نص الخبر الطويل التي تتحدث عن أمور كثيرة ومتنوعة في هذا اليوم." }

    @Test func blockInsideTheBody() {
        let text = """
        عنوان الخبر
        \(Self.paragraph(1))
        اقرأ أيضا
        وزير يفتتح مشروعا جديدا في المدينة
        مايو 4, 2020
        منتخب الشباب يفوز في البطولة الإقليمية
        \(Self.paragraph(2))
        مشاركة
        """
        let article = ParseTestSupport.parse(text)
        #expect(article.count == 1)
        #expect(article[0].related == ["وزير يفتتح مشروعا جديدا في المدينة", "منتخب الشباب يفوز في البطولة الإقليمية"])
        #expect(article[0].paragraphs == [Self.paragraph(1), Self.paragraph(2)])
    }

    @Test(arguments: ["READ MORE: A headline about the vote", "Previous: A headline about the vote", "انظر أيضا: A headline about the vote"])
    func inlineHeaders(line: String) {
        let text = "Title\n\(String(repeating: "Body text goes on here ", count: 4)).\n\(line)\n\(String(repeating: "More text goes on here ", count: 4))."
        #expect(ParseTestSupport.parse(text).first?.related == ["A headline about the vote"])
    }

    @Test func listHeaders() {
        for header in ["مواضيع ذات علاقة", "الموضوعات المتعلقة", "Related Articles", "مواضيع ساخنة اخرى"] {
            let text = "عنوان\n\(Self.paragraph(1))\n\(header)\nخبر أول عن الطقس...\nخبر ثان عن الاقتصاد..."
            #expect(ParseTestSupport.parse(text).first?.related.count == 2, "\(header)")
        }
    }

    @Test func appendedArticleBecomesItsOwn() throws {
        let text = """
        عنوان الخبر الأول
        \(Self.paragraph(1))
        مرتبط
        إقرأ أيضاً:
        عنوان الخبر الثاني الملحق
        \(Self.paragraph(2))
        \(Self.paragraph(3))
        """
        let articles = ParseTestSupport.parse(text)
        try #require(articles.count == 2)
        #expect(articles[0].paragraphs == [Self.paragraph(1)])
        #expect(articles[0].related == ["عنوان الخبر الثاني الملحق"])
        #expect(articles[1].title == "عنوان الخبر الثاني الملحق")
        #expect(articles[1].parentId == articles[0].id)
        #expect(articles[1].paragraphs == [Self.paragraph(2), Self.paragraph(3)])
    }

    /// Regression: with several headlines in the block, the body after the
    /// last one was glued to the first article instead of opening its own.
    @Test func appendedArticleAfterSeveralRelatedHeadlines() throws {
        let text = """
        عنوان الخبر الأول
        \(Self.paragraph(1))
        إقرأ أيضاً:
        الحكومة تعلن خطة جديدة للنقل
        ارتفاع أسعار الذهب في الأسواق المحلية
        عنوان الخبر الثاني الملحق
        \(Self.paragraph(2))
        \(Self.paragraph(3))
        """
        let articles = ParseTestSupport.parse(text)
        try #require(articles.count == 2)
        #expect(articles[0].paragraphs == [Self.paragraph(1)])
        #expect(articles[0].related == ["الحكومة تعلن خطة جديدة للنقل", "ارتفاع أسعار الذهب في الأسواق المحلية", "عنوان الخبر الثاني الملحق"])
        #expect(articles[1].title == "عنوان الخبر الثاني الملحق")
        #expect(articles[1].parentId == articles[0].id)
        #expect(articles[1].paragraphs == [Self.paragraph(2), Self.paragraph(3)])
    }

    @Test func bodyOpeningWithAConjunctionContinuesTheFirstArticle() {
        let continued = "وأضاف المتحدث أن العمل في المشروع سيستمر حتى نهاية العام المقبل وفق الخطة المقررة من قبل."
        let text = """
        عنوان الخبر
        \(Self.paragraph(1))
        اقرأ أيضا
        وزير يفتتح مشروعا جديدا في المدينة
        \(continued)
        \(Self.paragraph(2))
        """
        let articles = ParseTestSupport.parse(text)
        #expect(articles.count == 1)
        #expect(articles.first?.paragraphs == [Self.paragraph(1), continued, Self.paragraph(2)])
    }

    @Test func furnitureIsDropped() {
        let text = """
        عنوان
        كتبت سارة أحمد
        مشاركة
        اضف تعليقاً واقرأ تعليقات القراء
        \(Self.paragraph(1))
        وسم أول
        وسم ثان
        تاجز: كلمة كلمة
        Story continues below advertisement
        0:57
        """
        #expect(ParseTestSupport.parse(text).first?.paragraphs == [Self.paragraph(1)])
    }

    @Test func emptyAndTinyInputs() {
        #expect(ParseTestSupport.parse("").count == 1)
        #expect(ParseTestSupport.parse("").first?.title == nil)
        #expect(ParseTestSupport.parse("عنوان فقط").first?.title == "عنوان فقط")
    }
}
