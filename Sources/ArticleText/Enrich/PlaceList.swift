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
        var lineNumber = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.first == UInt8(ascii: "#") { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 4, !fields[0].isEmpty, !fields[1].isEmpty else {
                preconditionFailure("ArticleText resource \(file) line \(lineNumber) is not `id TAB type TAB names TAB contextualNames` with an id and a type")
            }
            let contextual = names(fields[3], line: lineNumber)
            entries.append(Gazetteer.Entry(
                id: text(fields[0]), type: text(fields[1]), names: names(fields[2], line: lineNumber),
                contextualNames: contextual.isEmpty ? nil : contextual))
        }
        return entries
    }

    private static func names(_ field: ArraySlice<UInt8>, line: Int) -> [String] {
        guard !field.isEmpty else { return [] }
        return field.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false).map { name in
            guard !name.isEmpty else { preconditionFailure("ArticleText resource \(file) line \(line) has an empty name") }
            return text(name)
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
