import Foundation

/// Reads the tab-separated data files in `NormaliseData/`: one record per
/// line, `#` starts a comment line, fields split on tabs. The files are
/// compiled into the binary (`EmbeddedFiles`, made by the EmbedResources
/// plugin) and read once into `static let`s, so a missing file is a
/// programming error (a misspelt name) and stops with a message naming it.
enum ResourceTable {
    static func rows(_ name: String) -> [[Substring]] {
        guard let bytes = EmbeddedFiles.bytes("NormaliseData/\(name).tsv") else {
            preconditionFailure("ArticleText has no data file NormaliseData/\(name).tsv")
        }
        return rows(of: String(decoding: bytes, as: UTF8.self))
    }

    /// The rows of `text`, split on its line-feed and tab bytes (a split by
    /// `Character` was most of loading the fold and character tables; the
    /// two agree on text without carriage returns, and the files have none).
    static func rows(of text: String) -> [[Substring]] {
        var rows: [[Substring]] = []
        let utf8 = text.utf8
        for line in utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) where line.first != UInt8(ascii: "#") {
            rows.append(line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) })
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
