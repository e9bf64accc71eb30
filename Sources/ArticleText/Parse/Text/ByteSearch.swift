/// Finds an ASCII-led marker ("/-", " — ", "(") in a string by comparing
/// UTF-8 bytes: much cheaper than Character-based searching, and exact for
/// the markers parse looks for. Results are valid `String` indices because a
/// marker starts on a scalar boundary.
enum ByteSearch {
    /// The first occurrence of `marker` in `text`.
    static func first(_ marker: String, in text: some StringProtocol) -> Range<String.Index>? {
        ranges(marker, in: text, last: false)
    }

    /// The last occurrence of `marker` in `text`.
    static func last(_ marker: String, in text: some StringProtocol) -> Range<String.Index>? {
        ranges(marker, in: text, last: true)
    }

    private static func ranges(_ marker: String, in text: some StringProtocol, last: Bool) -> Range<String.Index>? {
        let needle = Array(marker.utf8)
        let hay = text.utf8
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var found: Range<String.Index>?
        var i = hay.startIndex
        while i != hay.endIndex {
            var j = i
            var k = 0
            while k < needle.count, j != hay.endIndex, hay[j] == needle[k] {
                j = hay.index(after: j)
                k += 1
            }
            if k == needle.count {
                found = i..<j
                if !last { return found }
            }
            i = hay.index(after: i)
        }
        return found
    }
}
