import Foundation
import Testing
@testable import ArticleText

/// Date recognition on the project's own example lines: every regional
/// Arabic month set, paired and Hijri forms, digits of either set, Latin
/// languages, times and offsets, labels, relative times and metadata.
@Suite(.timeLimit(.minutes(5))) struct ParseDateTests {
    /// The publication date parse finds when `line` follows a headline.
    func published(_ line: String, context: ParseContext = ParseContext()) -> String? {
        ParseTestSupport.parse("عنوان الخبر\n\(line)\n\(String(repeating: "نص الخبر هنا ", count: 10)).", context: context).first?.publishedAt
    }

    @Test(arguments: [
        ("الخميس 5 يناير 2023", "2023-01-05"),
        ("5 كانون الثاني 2023", "2023-01-05"),
        ("5 كانون ثاني 2023", "2023-01-05"),
        ("12 آذار 2021", "2021-03-12"),
        ("12 اذار 2021", "2021-03-12"),
        ("3 تشرين الأول 2019", "2019-10-03"),
        ("1 جانفي 2020", "2020-01-01"),
        ("8 فيفري 2019", "2019-02-08"),
        ("14 أفريل 2018", "2018-04-14"),
        ("2 جوان 2017", "2017-06-02"),
        ("9 جويلية 2016", "2016-07-09"),
        ("30 أوت 2022", "2022-08-30"),
        ("30 اوت 2022", "2022-08-30"),
        ("4 يوليوز 2021", "2021-07-04"),
        ("4 غشت 2021", "2021-08-04"),
        ("7 شتنبر 2021", "2021-09-07"),
        ("11 نونبر 2021", "2021-11-11"),
        ("25 دجنبر 2021", "2021-12-25"),
        ("10 اغسطس 2015", "2015-08-10"),
        ("3 يونيه 2014", "2014-06-03"),
        ("3 يوليه 2014", "2014-07-03"),
        ("24 نيسان / أبريل 2020", "2020-04-24"),
        ("24 أبريل (نيسان) 2020", "2020-04-24"),
        ("15 آب/اغسطس 2020", "2020-08-15"),
        ("٢٤ أغسطس ٢٠٢٠", "2020-08-24"),
        ("۱۲ مارس ۲۰۲۱", "2021-03-12"),
        ("٢٠٢٠/١٢/٢٥", "2020-12-25"),
        ("26/ 7/ 2015م", "2015-07-26"),
        ("25 شوال 1436 هـ الموافق 10 اغسطس 2015 م", "2015-08-10"),
        ("13th, April 2024 GMT", "2024-04-13"),
        ("March 2, 2020", "2020-03-02"),
        ("8 mai 2020", "2020-05-08"),
        ("8. Mai 2020", "2020-05-08"),
        ("5 de mayo de 2020", "2020-05-05"),
        ("7 giugno 2020", "2020-06-07"),
        ("30 Kasım 2020", "2020-11-30"),
        ("7 июня 2020", "2020-06-07"),
        ("2020. június 7.", "2020-06-07"),
        ("2020年6月7日", "2020-06-07"),
    ])
    func calendarDates(line: String, expected: String) {
        #expect(published(line) == expected)
    }

    @Test func hijriOnlyIsNotADate() {
        #expect(published("الرياض 25 شوال 1436 هـ") == nil)
    }

    @Test func timesAndOffsets() {
        #expect(published("الإثنين، 24 أغسطس 2020 09:23 م") == "2020-08-24T21:23:00")
        #expect(published("Wednesday, 08 Apr 2020 11:39 PM MYT") == "2020-04-08T23:39:00+08:00")
        #expect(published("2020-06-07T10:05:00+02:00") == "2020-06-07T10:05:00+02:00")
        #expect(published("Posted March 2, 2020 5:04 pm") == "2020-03-02T17:04:00")
        let riyadh = ParseContext(timeZone: TimeZone(identifier: "Asia/Riyadh"))
        #expect(published("نشر في 24 أغسطس 2020 09:23 ص", context: riyadh) == "2020-08-24T09:23:00+03:00")
    }

    @Test func labelsDecideTheKind() {
        let glued = ParseTestSupport.parse("عنوان\nتاريخ النشر: 3 مايو 2021\nمايو 4, 2021آخر تحديث: مايو 5, 2021\nنص").first
        #expect(glued?.publishedAt == "2021-05-03")
        #expect(glued?.updatedAt == "2021-05-05")
        let updateOnly = ParseTestSupport.parse("Title\nUpdated: June 1, 2022\nBody text").first
        #expect(updateOnly?.publishedAt == nil)
        #expect(updateOnly?.updatedAt == "2022-06-01")
        let nextLine = ParseTestSupport.parse("عنوان\nالتاريخ:\n03 يونيو 2020\nنص").first
        #expect(nextLine?.publishedAt == "2020-06-03")
    }

    @Test func relativeTimesUseTheReferenceDateOnly() {
        let reference = Date(timeIntervalSince1970: 1_700_000_000)
        let context = ParseContext(referenceDate: reference, timeZone: TimeZone(identifier: "UTC"))
        #expect(published("منذ ساعتين", context: context) == "2023-11-14T20:13:20+00:00")
        #expect(published("منذ 3 ساعات", context: context) == "2023-11-14T19:13:20+00:00")
        #expect(published("أمس", context: context) == "2023-11-13")
        #expect(published("2 hours ago", context: context) == "2023-11-14T20:13:20+00:00")
        #expect(published("yesterday", context: context) == "2023-11-13")
        #expect(published("منذ ساعتين") == nil)
    }

    @Test func datesOutsideTheHeaderDoNotCount() {
        let text = """
        عنوان الخبر
        \(String(repeating: "كلمة ", count: 20)) في 5 مايو 2020.
        إقرأ أيضاً
        خبر آخر مهم جدا
        مايو 4, 2020
        """
        #expect(ParseTestSupport.parse(text).first?.publishedAt == nil)
        let caption = "Title\nA crowd in the square, August 6, 2017. — AFP pic\n\(String(repeating: "word ", count: 20))."
        #expect(ParseTestSupport.parse(caption).first?.publishedAt == nil)
    }

    @Test func aDateAboveTheHeadlineIsThePageHeader() {
        let article = ParseTestSupport.parse("الأحد 5 مايو 2024\nعنوان الخبر\n\(String(repeating: "نص الخبر هنا ", count: 10)).").first
        #expect(article?.title == "عنوان الخبر")
        #expect(article?.publishedAt == nil)
    }

    @Test func metadataWins() {
        let meta = DocumentMetadata(publishedAt: "2020-01-02T03:04:05Z", updatedAt: "2020-01-03")
        let article = ParseTestSupport.parse("عنوان\n5 مايو 2020\nنص", metadata: meta).first
        #expect(article?.publishedAt == "2020-01-02T03:04:05Z")
        #expect(article?.updatedAt == "2020-01-03")
    }
}
