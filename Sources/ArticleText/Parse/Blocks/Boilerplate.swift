/// Page furniture that is not article text: share, print, comment and poll
/// widgets, tag lines, permalinks ("مرتبط", "شارك هذا الخبر", "تاجز: …",
/// "Story continues below advertisement"), bylines and captions. Lists in
/// `ParseData/boilerplate-lines.txt`, `boilerplate-prefixes.txt`,
/// `byline-openings.txt` and `caption-endings.txt`.
enum Boilerplate {
    static let lines = LineTable(ParseTable.lines("boilerplate-lines"))
    static let prefixes = LineTable(ParseTable.lines("boilerplate-prefixes"))
    static let bylines = LineTable(ParseTable.lines("byline-openings"))
    static let captionEndings: [String] = ParseTable.lines("caption-endings").map { ArticleLine.key($0) }

    /// Whether the line is furniture to drop.
    static func isFurniture(_ line: ArticleLine) -> Bool {
        line.isNoise || isListed(line)
    }

    /// Whether the line is in the furniture lists (noise aside).
    static func isListed(_ line: ArticleLine) -> Bool {
        lines.isWhole(line.key) || prefixes.opening(of: line.key) != nil
    }

    /// An author line: "كتبت أسماء نصار", "By Orhan Coskun …", "حوار: …".
    static func isByline(_ line: ArticleLine) -> Bool {
        line.wordCount <= 12 && bylines.opening(of: line.key) != nil
    }

    /// A photo or video caption ("… — AFP pic").
    static func isCaption(_ line: ArticleLine) -> Bool {
        captionEndings.contains { ending in
            line.key.hasSuffix(ending) && (line.key.count == ending.count
                || line.key.dropLast(ending.count).last == " ")
        }
    }
}
