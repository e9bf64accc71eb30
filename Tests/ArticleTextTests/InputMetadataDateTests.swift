import Testing
@testable import ArticleText

@Suite("Input decoder: metadata dates", .timeLimit(.minutes(5)))
struct InputMetadataDateTests {
    @Test(arguments: [
        ("2020-06-07", "2020-06-07"),
        ("2020-06-07T10:15:00+03:00", "2020-06-07T10:15:00+03:00"),
        ("2020-06-07T10:15:00.000Z", "2020-06-07T10:15:00Z"),
        ("2020-06-07T10:15Z", "2020-06-07T10:15:00Z"),
        ("2020-06-07 10:15:00 +0300", "2020-06-07T10:15:00+03:00"),
        ("2020-06-07T10:15:00", "2020-06-07T10:15:00"),
        ("2020/06/07", "2020-06-07"),
        ("20200607", "2020-06-07"),
        ("1591524900", "2020-06-07T10:15:00Z"),
        ("Sun, 07 Jun 2020 10:15:00 GMT", "2020-06-07T10:15:00Z"),
        ("June 7, 2020", "2020-06-07"),
        ("7 June 2020", "2020-06-07"),
        ("07.06.2020", "2020-06-07"),
        ("25/12/2020", "2020-12-25"),
        ("٢٠٢٠-٠٦-٠٧", "2020-06-07"),
        ("7 juin 2020", "2020-06-07"),
    ])
    func normalisesToISO(input: String, expected: String) {
        #expect(MetadataDate.iso(input) == expected)
    }

    @Test(arguments: ["03/04/2020", "2020-02-30", "2020-13-01", "tomorrow", "", "99999999999999999999"])
    func rejectsWhatItCannotReadSafely(input: String) {
        let result = MetadataDate.iso(input)
        #expect(result == nil, "\(input) → \(result ?? "nil")")
    }

    /// An impossible time of day is dropped; the valid date before it is kept.
    @Test func anImpossibleTimeKeepsOnlyTheDate() {
        #expect(MetadataDate.iso("2020-06-07T25:00") == "2020-06-07")
    }

    @Test func readsURLDates() {
        #expect(MetadataDate.fromURL("https://example.org/2021/03/04/story") == "2021-03-04")
        #expect(MetadataDate.fromURL("https://example.org/news/20210304/story") == "2021-03-04")
        #expect(MetadataDate.fromURL("https://example.org/news/story-123") == nil)
    }
}
