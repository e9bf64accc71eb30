import Testing

@testable import ArticleText

/// `ResourceTable.rows` splits the data files on bytes: it must give the rows
/// the split by `Character` gave, for every shipped file.
@Suite(.timeLimit(.minutes(2))) struct NormaliseResourceTableTests {
    static func characterRows(_ text: String) -> [[Substring]] {
        text.split(separator: "\n", omittingEmptySubsequences: true).filter { !$0.hasPrefix("#") }.map {
            $0.split(separator: "\t", omittingEmptySubsequences: false)
        }
    }

    @Test func everyShippedFileSplitsAsByCharacter() throws {
        let names = ["character-classes", "fold-map", "html-boilerplate", "html-date-keys", "html-entities", "html-months", "windows-1252-c1"]
        for name in names {
            let bytes = try #require(EmbeddedFiles.bytes("NormaliseData/\(name).tsv"), "\(name)")
            #expect(!bytes.contains(UInt8(ascii: "\r")), "\(name)")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(ResourceTable.rows(of: text) == Self.characterRows(text), "\(name)")
        }
        let sample = "# comment\na\tb\u{0301}\t\n\n\u{0627}\u{0651}\tx\n#\tnot a row\n"
        #expect(ResourceTable.rows(of: sample) == Self.characterRows(sample))
    }
}
