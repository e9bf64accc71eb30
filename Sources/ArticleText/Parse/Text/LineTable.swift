/// A set of whole-line keys and line-opening keys from a `ParseData` list,
/// compared on `ArticleLine.key` bytes. Openings are indexed by their first
/// word, so a lookup costs one hash and a few byte comparisons, and match
/// only at a word boundary.
struct LineTable: Sendable {
    private var whole: Set<String> = []
    private var openings: [String: [String]] = [:]

    init(_ entries: [String]) {
        for entry in entries {
            let key = ArticleLine.key(entry)
            guard !key.isEmpty else { continue }
            whole.insert(key)
            openings[LineTable.firstWord(key), default: []].append(key)
        }
        for word in openings.keys { openings[word]?.sort { $0.utf8.count > $1.utf8.count } }
    }

    /// Whether the whole line is an entry.
    func isWhole(_ line: ArticleLine) -> Bool { line.isWhole && whole.contains(line.key) }

    /// Whether `key` is exactly an entry.
    func contains(_ key: String) -> Bool { whole.contains(key) }

    /// The longest entry `key` opens with, followed by a space, ":", "." or the end.
    func opening(of key: String) -> String? {
        guard let candidates = openings[LineTable.firstWord(key)] else { return nil }
        let bytes = key.utf8
        for entry in candidates where bytes.starts(with: entry.utf8) {
            let rest = bytes.dropFirst(entry.utf8.count)
            guard let next = rest.first else { return entry }
            if next == UInt8(ascii: " ") || next == UInt8(ascii: ":") || next == UInt8(ascii: ".")
                || next == UInt8(ascii: ",") || next == 0xEF {
                return entry
            }
        }
        return nil
    }

    /// The key up to its first space or colon.
    static func firstWord(_ key: String) -> String {
        let bytes = key.utf8
        let end = bytes.firstIndex { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ":") } ?? bytes.endIndex
        return String(key[..<end])
    }
}
