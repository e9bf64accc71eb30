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
    static let sectionOpenings = LineTable(ParseTable.lines("related-section-openings"))

    /// Words a section header may have: its opening and a name of up to four.
    static let maxSectionHeaderWords = 7

    /// Whether `text` is a header naming the section, outlet or blog whose
    /// articles follow ("More in Gaming", "Le fil du blog"): an opening of
    /// `ParseData/related-section-openings.txt`, then one to four words, no
    /// sentence end. Only a page element holding headline links is read
    /// with it (`RelatedLinks`): as a plain-text line it could be prose.
    static func isSectionHeader(_ text: String) -> Bool {
        let line = ArticleLine(text)
        guard line.isWhole, line.wordCount <= maxSectionHeaderWords,
              let entry = sectionOpenings.opening(of: line.key), line.key.utf8.count > entry.utf8.count + 1,
              let last = text.unicodeScalars.last, !".!?؟".unicodeScalars.contains(last)
        else { return false }
        return line.key.utf8.dropFirst(entry.utf8.count).first == UInt8(ascii: " ")
    }

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
