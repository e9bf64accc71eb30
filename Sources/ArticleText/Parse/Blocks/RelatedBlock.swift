import Foundation

/// Headers of blocks that list other articles: "إقرأ أيضاً", "اقرأ أيضا",
/// "مواضيع ذات علاقة", "انظر أيضا", "الموضوعات المتعلقة", "READ MORE",
/// "Related", "Previous:" and most-read/latest lists, from
/// `ParseData/related-headers.txt`. A header alone on its line opens a
/// block; "READ MORE: <headline>" carries its one headline inline.
enum RelatedBlock {
    enum Header: Sendable, Hashable {
        case block
        case inline(String)
    }

    static let headers = LineTable(ParseTable.lines("related-headers"))

    /// The header the line is, if any.
    static func header(_ line: ArticleLine) -> Header? {
        if headers.isWhole(line) { return .block }
        guard line.wordCount <= 40, let entry = headers.opening(of: line.key) else { return nil }
        let rest = line.key.dropFirst(entry.count)
        guard rest.first == ":" || rest.first == "：" || rest.hasPrefix(" :") else { return nil }
        guard let colon = line.text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let headline = line.text[line.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return headline.isEmpty ? .block : .inline(headline)
    }

    /// Whether a line inside a block is one of its headlines (not a date,
    /// a count or a one-word section name).
    static func isHeadline(_ line: ArticleLine) -> Bool {
        guard line.wordCount >= 2, !line.isNoise else { return false }
        let tokens = Tokenizer.tokens(line.text, limit: 64)
        let dates = DateScanner.scan(tokens)
        if let first = dates.first, first.start <= 2, dates.count == 1, first.end >= tokens.count - 1 { return false }
        return true
    }
}
