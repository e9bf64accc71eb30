/// A header line that is only the name of the body issuing the text
/// ("وزارة الخارجية الأمريكية", "الوكالة الأمريكية للتنمية الدولية",
/// "OFFICE OF THE SPOKESPERSON"): it opens with an institution noun from
/// `ParseData/issuer-heads.txt` followed by a noun phrase (a definite Arabic
/// word, or "of"), is short, has no digits and does not end a sentence. It
/// credits the source; it is not a headline ("الوزارة تطلق حملة" is one).
/// A line that is exactly a well-known seat of government without such a
/// noun ("البيت الأبيض", "The White House", `ParseData/issuer-names.txt`)
/// is one too.
enum IssuerLine {
    static let heads = LineTable(ParseTable.lines("issuer-heads"))
    static let names = LineTable(ParseTable.lines("issuer-names"))
    static let maxWords = 6

    static func matches(_ line: ArticleLine) -> Bool {
        if names.isWhole(line) { return true }
        guard (2...maxWords).contains(line.wordCount), line.isWhole,
              !line.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
              !SegmentParser.endsSentence(line.text) else { return false }
        guard heads.opening(of: line.key) != nil else { return false }
        let words = line.text.split(whereSeparator: { $0.isWhitespace })
        guard words.count >= 2 else { return false }
        let second = words[1]
        return second.hasPrefix("ال") || second.lowercased() == "of"
    }
}
