import Foundation

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
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            })
        }
        return rows
    }

    /// The first column of every row of `name.ext`.
    static func lines(_ name: String, _ ext: String = "txt") -> [String] {
        rows(name, ext).compactMap(\.first)
    }
}
