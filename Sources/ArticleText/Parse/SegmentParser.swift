/// Reads one article out of a run of lines: its headline, header lines,
/// body, related blocks and attribution, stopping where an appended article
/// begins (`appendedStart`). `ArticleParser` runs one per article.
struct SegmentParser {
    private(set) var title: String?
    /// Tokenised header lines that carry dates or date labels.
    private(set) var dateLines: [[Token]] = []
    private(set) var paragraphs: [String] = []
    private(set) var related: [String] = []
    private(set) var attribution = Attribution()
    /// Index of the headline of an appended article, if one follows.
    private(set) var appendedStart: Int?

    /// How many header lines may sit between the headline and the body.
    private static let headerLimit = 25
    /// A first line longer than this is a paragraph, not a headline: the
    /// text starts with its body and has no title.
    private static let headlineWordLimit = 35
    private static let sentenceEnds: Set<Character> = [".", "!", "?", "؟", "…"]
    private static let closers: Set<Character> = ["”", "\"", "»", ")", "’", "'", " "]

    /// How many lines above the headline may be skipped as page chrome.
    private static let chromeLimit = 12

    init(lines: [ArticleLine], start: Int, script: LineScript = .unknown) {
        var start = start
        var skipped = 0
        while start + 1 < lines.count, skipped < SegmentParser.chromeLimit,
              SegmentParser.isPageHeader(lines[start]) || LineScript.isForeign(lines[start], dominant: script) {
            start += 1
            skipped += 1
        }
        // A bare date line right above an opening body paragraph dates the
        // text (a statement with no headline), not the site's day.
        if start > 0, SegmentParser.isBodyOpening(lines[start]), !lines[start - 1].isNoise {
            let tokens = Tokenizer.tokens(lines[start - 1].text, limit: 32)
            if !DateScanner.scan(tokens).isEmpty { dateLines.append(tokens) }
        }
        guard start < lines.count else { return }
        if let end = PageChrome.bannerEnd(lines, from: start, window: SegmentParser.chromeLimit) { start = end }
        // An issuer line where the headline would be: the text has no
        // headline and its header starts here.
        var leadParagraph: String?
        if IssuerLine.matches(lines[start]) {
            start -= 1
        } else if SegmentParser.isBodyOpening(lines[start]) || WireTag.opening(lines[start].text)?.agency != nil {
            paragraphs.append(lines[start].text)
            leadParagraph = lines[start].text
        } else {
            title = lines[start].text
        }
        var source: Attribution?
        var header = Attribution()
        var pendingSource = false
        /// A source line ("المصدر: …", or its label alone with the value on the
        /// next line) feeds the attribution instead of the text.
        func takeSourceLine(_ line: ArticleLine) -> Bool {
            if pendingSource {
                pendingSource = false
                source = source ?? SourceLine.attribution(of: line.text)
                return true
            }
            let label = SourceLine.label(line)
            guard label.isLabel else { return false }
            if let value = label.value { source = source ?? SourceLine.attribution(of: value) } else { pendingSource = true }
            return true
        }
        var i = start + 1

        while i < lines.count, !lines[i].isLong, i - start <= SegmentParser.headerLimit,
              lines[i].relatedHeader == nil {
            let line = lines[i]
            i += 1
            if takeSourceLine(line) { continue }
            if Boilerplate.isListed(line) || Boilerplate.isCaption(line) { continue }
            if IssuerLine.matches(line) {
                // The first issuer line credits the text; a further one names
                // the issuing office ("مكتب المتحدث باسم وزارة الخارجية" under
                // "وزارة الخارجية الأمريكية") and stays in the text with the
                // other header lines, its names with it.
                if header.agency == nil {
                    header.agency = line.text
                } else if line.text != header.agency {
                    paragraphs.append(line.text)
                }
                continue
            }
            let tokens = Tokenizer.tokens(line.text, limit: 256)
            if SegmentParser.carriesDate(tokens) {
                dateLines.append(tokens)
                if header.agency == nil, let name = AgencyNames.trailingName(line.text) {
                    header.agency = name
                    header.dateline = header.dateline ?? SegmentParser.leadingPlace(tokens, line.text)
                }
                continue
            }
            if line.isNoise { continue }
            if Boilerplate.isByline(line) {
                if header.agency == nil { header.agency = AgencyNames.trailingName(line.text) }
                continue
            }
            if let byline = Byline.attribution(line.text, requireKnown: false) {
                header.fill(from: byline)
                continue
            }
            // A language switcher or banner in the other script is chrome.
            if LineScript.isForeign(line, dominant: script) { continue }
            paragraphs.append(line.text)
        }

        var closing: String?
        var lastBody: String?
        var firstBody: String?
        var sawRelated = false
        var shortRun: [String] = []
        var footCredit: String?

        func flushShortRun() {
            if shortRun.count == 1 { paragraphs.append(shortRun[0]) }
            shortRun.removeAll()
        }

        while i < lines.count {
            let line = lines[i]
            if let kind = line.relatedHeader {
                flushShortRun()
                sawRelated = true
                if case .inline(let headline) = kind {
                    related.append(headline)
                    i += 1
                    continue
                }
                if let appended = SegmentParser.appendedArticle(lines, headerAt: i) {
                    related += appended.related.map { lines[$0].text }
                    related.append(lines[appended.headline].text)
                    appendedStart = appended.headline
                    break
                }
                var j = i + 1
                while j < lines.count {
                    let item = lines[j]
                    if item.relatedHeader != nil || SegmentParser.isParagraph(item) { break }
                    if !Boilerplate.isFurniture(item), !Boilerplate.isByline(item), RelatedBlock.isHeadline(item) {
                        related.append(item.text)
                    }
                    j += 1
                }
                i = j
                continue
            }
            i += 1
            if takeSourceLine(line) { continue }
            if !sawRelated, WireCredit.matches(line) { footCredit = line.text }
            if Boilerplate.isFurniture(line) || Boilerplate.isCaption(line) {
                flushShortRun()
                continue
            }
            if line.wordCount <= 5, let name = WireTag.closing(line.text) {
                flushShortRun()
                closing = name
                continue
            }
            if line.wordCount <= 3, !SegmentParser.endsSentence(line.text) {
                shortRun.append(line.text)
                continue
            }
            flushShortRun()
            paragraphs.append(line.text)
            if firstBody == nil, line.isLong { firstBody = line.text }
            if !sawRelated { lastBody = line.text }
        }
        flushShortRun()

        attribution.fill(from: source)
        attribution.fill(from: header)
        if let firstBody = leadParagraph ?? firstBody, let opening = WireTag.opening(firstBody) {
            attribution.fill(from: opening)
            if opening.dateline != nil { dateLines.append(Tokenizer.tokens(firstBody, limit: 12)) }
        }
        if attribution.agency == nil, let lastBody, let name = WireTag.closing(lastBody) { attribution.agency = name }
        if attribution.agency == nil { attribution.agency = closing }
        if attribution.agency == nil, let footCredit {
            attribution.agency = WireCredit.agency(credit: footCredit, lines: lines[start..<i])
        }
    }

    /// A first line that is body text, not a headline: very long, or a
    /// full-stop-ended line of several sentences ("Do you see … ? We
    /// translate … .").
    static func isBodyOpening(_ line: ArticleLine) -> Bool {
        if line.wordCount > headlineWordLimit { return true }
        guard line.wordCount >= 10, line.text.last == "." else { return false }
        let inner = line.text.dropLast()
        return inner.contains { sentenceEnds.contains($0) }
    }

    /// A line above the headline that belongs to the page, not the article:
    /// furniture, noise, or a bare date (a site's "today" line), whose date
    /// is therefore never the article's.
    static func isPageHeader(_ line: ArticleLine) -> Bool {
        if line.isNoise || Boilerplate.isListed(line) { return true }
        guard line.wordCount <= 8 else { return false }
        let tokens = Tokenizer.tokens(line.text, limit: 32)
        let covered = DateScanner.scan(tokens).reduce(0) { $0 + $1.end - $1.start }
        return covered > 0 && covered >= tokens.count - 2
    }

    /// A block header followed by headlines, the last of which is followed by
    /// at least two body paragraphs, opens an appended article: the headlines
    /// before it stay related items. A headline does not end a sentence and is
    /// not page furniture or a bare date. A body that opens with a conjunction
    /// ("وأضاف …") continues the first article instead, so it is not one.
    static func appendedArticle(_ lines: [ArticleLine], headerAt index: Int) -> (related: [Int], headline: Int)? {
        var items: [Int] = []
        var k = index + 1
        while k + 2 < lines.count, items.count < maxRelatedItemsBeforeAppended {
            let candidate = lines[k]
            guard !isParagraph(candidate), candidate.relatedHeader == nil else { return nil }
            if candidate.wordCount >= 3, !endsSentence(candidate.text), RelatedBlock.isHeadline(candidate),
               !Boilerplate.isFurniture(candidate), !isPageHeader(candidate), lines[k + 1].isLong, lines[k + 2].isLong {
                return continuesPreviousArticle(lines[k + 1].text) ? nil : (items, k)
            }
            items.append(k)
            k += 1
        }
        return nil
    }

    /// How many "read also" headlines may stand before an appended article's headline.
    static let maxRelatedItemsBeforeAppended = 12

    /// An Arabic paragraph opening with the conjunction و glued to a word
    /// ("وأضاف", "وقال") carries on the story before it.
    static func continuesPreviousArticle(_ text: String) -> Bool {
        let scalars = text.unicodeScalars.prefix(2).map(\.value)
        guard scalars.count == 2, scalars[0] == 0x0648 else { return false }
        return (0x0621...0x064A).contains(scalars[1])
    }

    /// A line that reads as body text: long and ending a sentence, or very long.
    static func isParagraph(_ line: ArticleLine) -> Bool {
        line.wordCount >= 25 || (line.isLong && endsSentence(line.text))
    }

    /// Whether the text ends a sentence: ". ! ? ؟ …", possibly followed by a
    /// closing quote or bracket.
    static func endsSentence(_ text: String) -> Bool {
        var end = text.endIndex
        while end > text.startIndex {
            let previous = text.index(before: end)
            let c = text[previous]
            if sentenceEnds.contains(c) { return true }
            guard closers.contains(c) else { return false }
            end = previous
        }
        return false
    }

    /// Whether a header line states a date, a date label or a relative time.
    static func carriesDate(_ tokens: [Token]) -> Bool {
        if !DateScanner.scan(tokens).isEmpty || !RelativeDate.scan(tokens).isEmpty { return true }
        return tokens.indices.contains { tokens[$0].isWord && DateLabels.table.match(tokens, at: $0) != nil }
    }

    /// The place opening a wire dateline line ("الرياض 25 شوال …"): the one
    /// to three words before its first number.
    static func leadingPlace(_ tokens: [Token], _ text: String) -> String? {
        guard let firstNumber = tokens.firstIndex(where: \.isNumber), (1...3).contains(firstNumber),
              tokens[..<firstNumber].allSatisfy(\.isWord) else { return nil }
        let words = text.split(whereSeparator: { $0.isWhitespace }).prefix(firstNumber)
        return words.joined(separator: " ")
    }
}
