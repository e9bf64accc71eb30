/// Reads the parse stage's resource tables from `ParseData/` (compiled into
/// the binary as `EmbeddedFiles` by the EmbedResources plugin). Lines
/// starting with `#` and blank lines are skipped; columns are tab-separated.
/// A missing table is a programming error (a misspelt name), not bad input,
/// so it stops the program with a message instead of parsing wrongly.
enum ParseTable {
    /// The rows of `name.ext`, split on tabs.
    static func rows(_ name: String, _ ext: String) -> [[String]] {
        guard let bytes = EmbeddedFiles.bytes("ParseData/\(name).\(ext)") else {
            preconditionFailure("ArticleText has no data file ParseData/\(name).\(ext)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            preconditionFailure("ParseData/\(name).\(ext) is not UTF-8")
        }
        var rows: [[String]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = trimmed(line)
            if trimmed.isEmpty || trimmed.unicodeScalars.first == "#" { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map { String(Self.trimmed($0)) })
        }
        return rows
    }

    /// `text` without leading and trailing tabs and space separators (what
    /// Foundation's `.whitespaces` trims), by scalars: Foundation's trimming
    /// went through NSString and was most of loading the month names.
    static func trimmed(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator
    }

    /// The first column of every row of `name.ext`.
    static func lines(_ name: String, _ ext: String = "txt") -> [String] {
        rows(name, ext).compactMap(\.first)
    }
}
