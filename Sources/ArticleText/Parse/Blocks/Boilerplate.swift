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
        lines.isWhole(line) || prefixes.opening(of: line.key) != nil
    }

    /// An author line: "كتبت أسماء نصار", "By Orhan Coskun …", "حوار: …".
    static func isByline(_ line: ArticleLine) -> Bool {
        line.wordCount <= 12 && bylines.opening(of: line.key) != nil
    }

    /// A photo or video caption ("… — AFP pic").
    static func isCaption(_ line: ArticleLine) -> Bool {
        let tail = Array(line.tailKey.utf8)
        return captionEndings.contains { ending in
            let end = Array(ending.utf8)
            guard tail.count >= end.count, tail.suffix(end.count).elementsEqual(end) else { return false }
            return tail.count == end.count || tail[tail.count - end.count - 1] == UInt8(ascii: " ")
        }
    }
}
