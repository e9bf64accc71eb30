import Foundation

/// Reads the tab-separated data files in `NormaliseData/`: one record per
/// line, `#` starts a comment line, fields split on tabs. The tables are small
/// and read once into `static let`s, so a missing or malformed file is a
/// packaging error and stops the process with a message naming the file.
enum ResourceTable {
    static func rows(_ name: String) -> [[Substring]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "NormaliseData") else {
            preconditionFailure("ArticleText resource NormaliseData/\(name).tsv is missing from the bundle")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            preconditionFailure("ArticleText resource NormaliseData/\(name).tsv cannot be read: \(error)")
        }
        let text = String(decoding: data, as: UTF8.self)
        var rows: [[Substring]] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            rows.append(line.split(separator: "\t", omittingEmptySubsequences: false))
        }
        return rows
    }

    /// Parses a hex scalar such as `0627`; nil for text that is not one.
    static func scalar(_ hex: Substring) -> UInt32? {
        UInt32(hex, radix: 16)
    }

    /// Parses space-separated hex scalars (`0061 0308`) into a string.
    static func scalars(_ field: Substring) -> [Unicode.Scalar] {
        field.split(separator: " ").compactMap { scalar($0).flatMap(Unicode.Scalar.init) }
    }
}
