import Testing

@testable import ArticleText

/// `ParseTable.rows` cuts lines and fields at their bytes: it must give
/// exactly the rows that splitting the text by `Character` gives (the way it
/// was read before), for every parse table and for awkward text.
@Suite(.timeLimit(.minutes(2))) struct ParseTableTests {
    /// The rows as `String.split` by characters gives them, trimmed by scalars.
    static func reference(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = ParseTable.trimmed(line)
            if trimmed.isEmpty || trimmed.unicodeScalars.first == "#" { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map { String(ParseTable.trimmed($0)) })
        }
        return rows
    }

    @Test func everyParseTableReadsAsSplittingByCharacters() throws {
        let tables = EmbeddedFiles.paths.filter { $0.hasPrefix("ParseData/") && ($0.hasSuffix(".tsv") || $0.hasSuffix(".txt")) }
        #expect(tables.count >= 10)
        for path in tables {
            let file = String(path.dropFirst("ParseData/".count))
            let dot = try #require(file.lastIndex(of: "."))
            let text = String(decoding: try #require(EmbeddedFiles.bytes(path)), as: UTF8.self)
            #expect(ParseTable.rows(String(file[..<dot]), String(file[file.index(after: dot)...])) == Self.reference(text), "\(path)")
        }
    }

    @Test func awkwardTextReadsAsSplittingByCharacters() {
        let samples = [
            "a\tb\n\n  # note\n\u{00A0}x \t y\u{3000}\n", "one\r\ntwo\nthree", "\t\t\n", "#only", "last\tline",
            "مارس\t3\tar\n  أيار\t5\n", "\u{2003}#\tz\n", "a\t\tb\t\n",
        ]
        for sample in samples {
            #expect(ParseTable.rows(bytes: Array(sample.utf8)) == Self.reference(sample), "\(sample.debugDescription)")
        }
    }
}
