/// A page's interface controls above the headline: a banner's close button,
/// a donate or subscribe call, a site's search or submission link
/// ("أغلق", "تبرع الآن", "Submit Release", "News Search") and short links
/// ending in an arrow ("Learn more about our translations »"). When a text
/// opens with such a banner, its headline is the line after the banner's
/// last control, not the control. Words per language in
/// `ParseData/chrome-lines.txt`.
enum PageChrome {
    static let controls = LineTable(ParseTable.lines("chrome-lines"))
    /// Arrows that end a link's label ("More »", "Next ›", "Read on →").
    private static let arrows: Set<Unicode.Scalar> = ["»", "›", "→"]
    /// Opening quotes that pair with a closing "»" or "›", making it a quote.
    private static let openers: Set<Unicode.Scalar> = ["«", "‹"]
    /// A link with an arrow has at most this many words.
    private static let linkWordLimit = 10
    /// How many full-stop lines (a site's counter, "There were 291 releases
    /// posted today.") may stand between the banner and the headline.
    private static let sentenceLimit = 2

    /// Whether the line is an interface control or an arrowed link.
    static func isControl(_ line: ArticleLine) -> Bool {
        controls.isWhole(line) || (line.wordCount <= linkWordLimit && isArrowLink(line.text))
    }

    /// A line ending in an arrow set off by a space ("… للترجمة »"), which
    /// is not the closing mark of a «quote».
    static func isArrowLink(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        guard let arrow = scalars.popLast(), arrows.contains(arrow),
              let before = scalars.last, before.properties.isWhitespace else { return false }
        return !scalars.contains { openers.contains($0) }
    }

    /// Where the article starts when the text opens with a banner: the line
    /// after the last control among the first `window` lines, past at most
    /// `sentenceLimit` full-stop lines when a headline-shaped line follows
    /// them. Only when the first line is itself a control or body text (so a
    /// headline on the first line is never skipped), and only up to the first
    /// line stating a calendar date (the article's header, not the page's; a
    /// banner's "today" or "every day" is no date).
    static func bannerEnd(_ lines: [ArticleLine], from start: Int, window: Int) -> Int? {
        guard start < lines.count,
              isControl(lines[start]) || SegmentParser.isBodyOpening(lines[start]) else { return nil }
        var last: Int?
        var k = start
        while k < lines.count, k - start < window {
            if isControl(lines[k]) {
                last = k
            } else if !DateScanner.scan(Tokenizer.tokens(lines[k].text, limit: 32)).isEmpty {
                break
            }
            k += 1
        }
        guard let last, last + 1 < lines.count else { return nil }
        var headline = last + 1
        while headline - last <= sentenceLimit, headline + 1 < lines.count, endsWithFullStop(lines[headline]) {
            headline += 1
        }
        if headline > last + 1, endsWithFullStop(lines[headline]) || SegmentParser.isBodyOpening(lines[headline]) {
            return last + 1
        }
        return headline
    }

    private static func endsWithFullStop(_ line: ArticleLine) -> Bool {
        line.text.unicodeScalars.last == "."
    }
}
