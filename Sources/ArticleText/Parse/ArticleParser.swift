import Foundation

/// The parse stage: turns a normalised document into one or more articles.
///
/// It reads the headline (the first line), the header lines up to the first
/// body paragraph (dates, bylines, datelines), the body (dropping page
/// furniture), "read also"/related blocks wherever they sit, and the
/// agency credited at the start, in a source line or at the end. A related
/// block whose single headline is followed by a body is an appended article:
/// it becomes its own `ParsedArticle` whose `parentId` is the first one's id.
/// Every scanner is a bounded look-ahead over lines and tokens, so parse is
/// linear in the input and total on any text.
public enum ArticleParser {
    /// The articles in `doc`, the first one first.
    public static func parse(_ doc: NormalisedDocument, context: ParseContext) -> [ParsedArticle] {
        let lines = splitLines(doc.text)
        let script = LineScript.dominant(lines)
        var articles: [ParsedArticle] = []
        var start = 0
        var parentId: String?
        repeat {
            let isFirst = articles.isEmpty
            let segment = SegmentParser(lines: lines, start: start, script: script)
            let dates = ArticleDates(
                headerLines: segment.dateLines,
                metadata: isFirst ? doc.metadata : DocumentMetadata(),
                context: context
            )
            let title = segment.title ?? (isFirst ? doc.metadata.title : nil)
            let url = isFirst ? doc.metadata.url : nil
            let id = url.map(ArticleID.fromURL) ?? ArticleID.fromContent(title: title, paragraphs: segment.paragraphs)
            articles.append(ParsedArticle(
                id: id,
                parentId: parentId,
                title: title,
                publishedAt: dates.publishedAt,
                updatedAt: dates.updatedAt,
                outlet: (isFirst ? doc.metadata.outlet : nil) ?? segment.attribution.outlet,
                agency: segment.attribution.agency,
                dateline: segment.attribution.dateline,
                url: url,
                declaredLanguage: isFirst ? doc.metadata.language : nil,
                paragraphs: segment.paragraphs,
                related: segment.related
            ))
            if parentId == nil { parentId = id }
            guard let next = segment.appendedStart, next > start else { break }
            start = next
        } while start < lines.count
        return articles
    }

    /// The text's non-empty lines, trimmed; split on the UTF-8 bytes of
    /// line breaks (LF, CR, U+2028, U+2029) without grapheme breaking.
    static func splitLines(_ text: String) -> [ArticleLine] {
        var lines: [ArticleLine] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var i = utf8.startIndex
        func emit(_ end: String.Index) {
            guard start < end else { return }
            let scalars = text.unicodeScalars[start..<end]
            var from = scalars.startIndex
            var to = scalars.endIndex
            while from < to, MatchKey.isSpace(scalars[from]) || isInvisible(scalars[from]) { from = scalars.index(after: from) }
            while from < to, MatchKey.isSpace(scalars[scalars.index(before: to)]) || isInvisible(scalars[scalars.index(before: to)]) {
                to = scalars.index(before: to)
            }
            if from < to { lines.append(ArticleLine(String(text[from..<to]))) }
        }
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                emit(i)
                i = utf8.index(after: i)
                start = i
            } else if b == 0xE2, let second = utf8.index(i, offsetBy: 1, limitedBy: utf8.endIndex), second != utf8.endIndex,
                      let third = utf8.index(second, offsetBy: 1, limitedBy: utf8.endIndex), third != utf8.endIndex,
                      utf8[second] == 0x80, utf8[third] == 0xA8 || utf8[third] == 0xA9 {
                emit(i)
                i = utf8.index(after: third)
                start = i
            } else {
                i = utf8.index(after: i)
            }
        }
        emit(utf8.endIndex)
        return lines
    }

    /// Format characters that may pad a line's edges in raw text (ZWSP, bidi marks, BOM).
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: true
        default: false
        }
    }
}
