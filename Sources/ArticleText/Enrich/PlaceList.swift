/// Reads `EnrichData/places.tsv`, the generated places of the gazetteer
/// (`Scripts/build-enrich-data.py`): one entry a line, `id TAB type TAB names
/// TAB contextualNames`, names separated by `|`, `#` opening a comment line.
/// A byte scan of the 650 KB file costs a small fraction of decoding the same
/// entries from JSON, which was most of the enrich stage's start-up.
enum PlaceList {
    static let file = "EnrichData/places.tsv"

    static func entries() -> [Gazetteer.Entry] {
        entries(in: EnrichResource.bytes(of: file))
    }

    /// The entries of `bytes` in the format above (either list may be empty);
    /// a line without four fields, an id and a type, or with an empty name
    /// between separators, stops the process naming the line.
    static func entries(in bytes: [UInt8]) -> [Gazetteer.Entry] {
        var entries: [Gazetteer.Entry] = []
        entries.reserveCapacity(bytes.count / 48)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            lineNumber += 1
            if lineStart == lineEnd || bytes[lineStart] == UInt8(ascii: "#") { continue }
            let fields = pieces(of: bytes, lineStart..<lineEnd, between: UInt8(ascii: "\t"))
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty else {
                preconditionFailure("ArticleText resource \(file) line \(lineNumber) is not `id TAB type TAB names TAB contextualNames` with an id and a type")
            }
            let contextual = names(in: bytes, fields[3], line: lineNumber)
            entries.append(Gazetteer.Entry(
                id: text(bytes, fields[0]), type: text(bytes, fields[1]), names: names(in: bytes, fields[2], line: lineNumber),
                contextualNames: contextual.isEmpty ? nil : contextual))
        }
        return entries
    }

    /// The ranges of `range` between the `separator` bytes (one more than there are separators).
    private static func pieces(of bytes: [UInt8], _ range: Range<Int>, between separator: UInt8) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where bytes[i] == separator {
            pieces.append(start..<i)
            start = i + 1
        }
        pieces.append(start..<range.upperBound)
        return pieces
    }

    private static func names(in bytes: [UInt8], _ field: Range<Int>, line: Int) -> [String] {
        guard !field.isEmpty else { return [] }
        return pieces(of: bytes, field, between: UInt8(ascii: "|")).map { name in
            guard !name.isEmpty else { preconditionFailure("ArticleText resource \(file) line \(line) has an empty name") }
            return text(bytes, name)
        }
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
