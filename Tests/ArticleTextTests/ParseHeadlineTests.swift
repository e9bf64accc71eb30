import Testing

@testable import ArticleText

/// Which first line is a headline: a text that opens with a whole paragraph
/// (a wire paragraph, a lead without headline) has no title.
@Suite(.timeLimit(.minutes(5))) struct ParseHeadlineTests {
    static let paragraph = "The harbour authority said on Tuesday that the old ferry terminal will close for repairs next month, "
        + "and that passengers will board at the northern pier until the work is finished early next year, "
        + "a spokeswoman told reporters in the port town."

    @Test func aParagraphFirstLineIsBodyNotTitle() throws {
        let article = try #require(ParseTestSupport.parse(Self.paragraph + "\nA second paragraph follows with more detail about the works.").first)
        #expect(article.title == nil)
        #expect(article.paragraphs.first == Self.paragraph)
    }

    @Test func aShortFirstLineStaysTheTitle() throws {
        let article = try #require(ParseTestSupport.parse("Ferry terminal to close for repairs\n" + Self.paragraph).first)
        #expect(article.title == "Ferry terminal to close for repairs")
        #expect(article.paragraphs.first == Self.paragraph)
    }
}
