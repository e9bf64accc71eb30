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
        var articles: [ParsedArticle] = []
        var start = 0
        var parentId: String?
        repeat {
            let isFirst = articles.isEmpty
            let segment = SegmentParser(lines: lines, start: start)
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

    /// The text's non-empty lines, trimmed.
    static func splitLines(_ text: String) -> [ArticleLine] {
        var lines: [ArticleLine] = []
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append(ArticleLine(trimmed)) }
        }
        return lines
    }
}
