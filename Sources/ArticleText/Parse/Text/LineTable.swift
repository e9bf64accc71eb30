/// A set of whole-line keys and line-opening keys from a `ParseData` list,
/// compared on `ArticleLine.key`. Openings match only at a word boundary.
struct LineTable: Sendable {
    private var whole: Set<String> = []
    private var openings: [String] = []

    init(_ entries: [String]) {
        for entry in entries {
            let key = ArticleLine.key(entry)
            guard !key.isEmpty else { continue }
            whole.insert(key)
            openings.append(key)
        }
        openings.sort { $0.count > $1.count }
    }

    func isWhole(_ key: String) -> Bool { whole.contains(key) }

    /// The longest entry `key` opens with, followed by a space, ":" or the end.
    func opening(of key: String) -> String? {
        for entry in openings where key.hasPrefix(entry) {
            let rest = key.dropFirst(entry.count)
            guard let next = rest.first else { return entry }
            if next == " " || next == ":" || next == "：" || next == "." || next == "," { return entry }
        }
        return nil
    }
}
