/// Names of news agencies and outlets that bylines, wire tags and source
/// lines credit ("واس", "بترا", "رويترز", "AFP", "Reuters", "الوئام", "سبق",
/// "عكاظ", "البيان", "Hindustan Times"), from `ParseData/agencies.txt`.
enum AgencyNames {
    static let known: Set<String> = Set(ParseTable.lines("agencies").map { ArticleLine.key($0) })
    /// Each name's folded key → the name as the list writes it (first spelling wins).
    private static let listed: [String: String] = Dictionary(
        ParseTable.lines("agencies").map { (ArticleLine.key($0), $0) }, uniquingKeysWith: { first, _ in first }
    )

    /// The name as the list writes it ("REUTERS" → "Reuters"), nil when unknown.
    static func listedSpelling(_ text: some StringProtocol) -> String? { listed[ArticleLine.key(text)] }

    /// Whether `text` (folded and trimmed) is a known name.
    static func isKnown(_ text: some StringProtocol) -> Bool {
        let key = ArticleLine.key(text)
        return !key.isEmpty && known.contains(key)
    }

    /// The known name that ends `text` (its last one to four words), as written.
    static func trailingName(_ text: String) -> String? {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        guard !words.isEmpty else { return nil }
        for count in stride(from: min(4, words.count), through: 1, by: -1) {
            let candidate = words.suffix(count).joined(separator: " ")
            if isKnown(candidate) { return trimmed(candidate) }
        }
        return nil
    }

    /// `text` without edge punctuation and spaces.
    private static let edge: Set<Character> = [":", "-", "–", "—", "(", ")", "[", "]", ",", "،", ".", "/", "«", "»", "\"", "“", "”", "|"]

    static func trimmed(_ text: some StringProtocol) -> String {
        var s = Substring(text)
        while let c = s.first, edge.contains(c) || c.isWhitespace { s.removeFirst() }
        while let c = s.last, edge.contains(c) || c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
