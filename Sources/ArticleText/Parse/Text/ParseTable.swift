/// Reads the parse stage's resource tables from `ParseData/` (compiled into
/// the binary as `EmbeddedFiles` by the EmbedResources plugin). Lines
/// starting with `#` and blank lines are skipped; columns are tab-separated.
/// A missing table is a programming error (a misspelt name), not bad input,
/// so it stops the program with a message instead of parsing wrongly.
enum ParseTable {
    /// The rows of `name.ext`, split on tabs. The lines and fields are cut
    /// at their bytes (a line feed or a tab is always a character of its
    /// own, except a line feed after a carriage return, which stays inside
    /// the line as `String.split` keeps it); only a field that may start or
    /// end with a blank goes through the trimming by scalars. Splitting the
    /// text by `Character` was most of loading the month names.
    static func rows(_ name: String, _ ext: String) -> [[String]] {
        guard let bytes = EmbeddedFiles.bytes("ParseData/\(name).\(ext)") else {
            preconditionFailure("ArticleText has no data file ParseData/\(name).\(ext)")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            preconditionFailure("ParseData/\(name).\(ext) is not UTF-8")
        }
        return rows(bytes: bytes)
    }

    /// The rows of a table's bytes (valid UTF-8), as above.
    static func rows(bytes: [UInt8]) -> [[String]] {
        var rows: [[String]] = []
        bytes.withUnsafeBufferPointer { text in
            var lineStart = 0
            while lineStart < text.count {
                var lineEnd = lineStart
                while lineEnd < text.count, text[lineEnd] != 0x0A || (lineEnd > lineStart && text[lineEnd - 1] == 0x0D) { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart else { continue }
                let first = text[lineStart]
                if first == UInt8(ascii: "#") { continue }
                if first == 0x20 || first == 0x09 || first >= 0x80 {
                    let line = trimmed(Substring(String(decoding: UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd]), as: UTF8.self)))
                    if line.isEmpty || line.unicodeScalars.first == "#" { continue }
                }
                var row: [String] = []
                var fieldStart = lineStart
                for i in lineStart...lineEnd where i == lineEnd || text[i] == 0x09 {
                    row.append(field(UnsafeBufferPointer(rebasing: text[fieldStart..<i])))
                    fieldStart = i + 1
                }
                rows.append(row)
            }
        }
        return rows
    }

    /// The field's text, trimmed (`trimmed`) when it may start or end with a blank.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let first = bytes.first, let last = bytes.last else { return text }
        if first == 0x20 || first >= 0x80 || last == 0x20 || last >= 0x80 { return String(trimmed(Substring(text))) }
        return text
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
