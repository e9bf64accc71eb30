/// A wire service's staff credit at the foot of an article: "(Reporting by
/// Jane Roe in Paris; Editing by John Doe)", openings from
/// `ParseData/wire-credits.txt`. The credit names people, so on its own it
/// credits no agency: the agency is a known name inside the credit, or else
/// the one known name the article states in a wire form elsewhere — a
/// bracketed tag ("PARIS (Reuters) -" further down than the first body
/// line), a photo credit ("REUTERS/Jane Roe", "via REUTERS"). Two different
/// wire names, or a name only in running text ("Reuters reported"), credit
/// nothing.
enum WireCredit {
    static let openings = LineTable(ParseTable.lines("wire-credits"))
    static let maxWords = 40

    /// Whether the line is a foot credit, bracketed or not.
    static func matches(_ line: ArticleLine) -> Bool {
        guard line.wordCount <= maxWords else { return false }
        let key = line.key.utf8.first == UInt8(ascii: "(") ? String(line.key.dropFirst()) : line.key
        return openings.opening(of: key) != nil
    }

    /// The agency a credit stands for, given the segment's lines.
    static func agency(credit: String, lines: some Sequence<ArticleLine>) -> String? {
        if let named = knownName(inCredit: credit) { return named }
        var found: Set<String> = []
        for line in lines {
            found.formUnion(wireForms(line.text))
            if found.count > 1 { return nil }
        }
        return found.first
    }

    /// A known name of one to three words inside the credit, as the list writes it.
    private static func knownName(inCredit credit: String) -> String? {
        let words = credit.split(whereSeparator: { $0.isWhitespace || $0 == ";" || $0 == "(" || $0 == ")" })
            .map { AgencyNames.trimmed($0) }
        for count in stride(from: 3, through: 1, by: -1) where words.count >= count {
            for start in 0...(words.count - count) {
                let candidate = words[start..<(start + count)].joined(separator: " ")
                if let name = AgencyNames.listedSpelling(candidate) { return name }
            }
        }
        return nil
    }

    /// Known names (as the list writes them) the text states in a wire form:
    /// a whole bracketed part, either side of a slash in one word, or the
    /// words after "via".
    static func wireForms(_ text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            if let name = AgencyNames.listedSpelling(AgencyNames.trimmed(rest[rest.index(after: open)..<close])) {
                names.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        for (index, word) in words.enumerated() {
            if word.firstIndex(of: "/") != nil {
                for part in word.split(separator: "/") {
                    if let name = AgencyNames.listedSpelling(AgencyNames.trimmed(part)) { names.append(name) }
                }
            }
            if ArticleLine.key(word) == "via", index + 1 < words.count {
                for count in 1...min(2, words.count - index - 1) {
                    let candidate = AgencyNames.trimmed(words[(index + 1)...(index + count)].joined(separator: " "))
                    if let name = AgencyNames.listedSpelling(candidate) {
                        names.append(name)
                        break
                    }
                }
            }
        }
        return names
    }
}
