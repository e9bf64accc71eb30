import Foundation

/// Reads the parse stage's resource tables from `ParseData/` (copied into the
/// module bundle). Lines starting with `#` and blank lines are skipped;
/// columns are tab-separated. A missing table is a packaging bug, not bad
/// input, so it stops the program with a message instead of parsing wrongly.
enum ParseTable {
    /// The rows of `name.ext`, split on tabs.
    static func rows(_ name: String, _ ext: String) -> [[String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "ParseData") else {
            preconditionFailure("ParseData/\(name).\(ext) is missing from the ArticleText bundle")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            preconditionFailure("ParseData/\(name).\(ext) is unreadable: \(error)")
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
