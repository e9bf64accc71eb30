import Foundation

/// Finds `"key": "value"` or `key="value"` in a raw page, for dates a site
/// states only inside a script's JSON or an RDF block in a comment. A plain
/// byte search, bounded to a short value, so it stays linear: libc's
/// `memchr` finds the key's rarest byte (an upper-case letter or `_` in
/// most keys), and only there are the bytes around it compared.
enum RawDateScan {
    static func value(of key: String, in html: [UInt8]) -> String? {
        let needle = Array(key.utf8)
        guard needle.count >= 2, html.count >= needle.count else { return nil }
        let anchor = anchorIndex(needle)
        let found: Int? = html.withUnsafeBytes { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            let last = hay.count - needle.count
            var start = 0
            while start <= last,
                let hit = memchr(base + start + anchor, Int32(needle[anchor]), last - start + 1)
            {
                let at = UnsafeRawPointer(hit) - base - anchor
                var k = 0
                while k < needle.count && hay[at + k] == needle[k] { k += 1 }
                if k == needle.count, quotedValue(html, from: at + k) != nil { return at + k }
                start = at + 1
            }
            return nil
        }
        return found.flatMap { quotedValue(html, from: $0) }
    }

    /// The position of the byte of `key` least likely in a page: an
    /// upper-case letter, `_` or a digit before punctuation, before a
    /// lower-case letter; the first of equals.
    private static func anchorIndex(_ key: [UInt8]) -> Int {
        func rarity(_ b: UInt8) -> Int {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): 0
            case UInt8(ascii: "0")...UInt8(ascii: "9"): 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): 3
            default: 2
            }
        }
        var best = 0
        for k in key.indices where rarity(key[k]) < rarity(key[best]) { best = k }
        return best
    }

    private static func quotedValue(_ html: [UInt8], from start: Int) -> String? {
        var j = start
        let end = min(html.count, start + 120)
        func skip(_ set: [UInt8]) { while j < end && set.contains(html[j]) { j += 1 } }
        skip([UInt8(ascii: "\""), UInt8(ascii: "'")])
        skip([0x20, 0x09])
        guard j < end, html[j] == UInt8(ascii: ":") || html[j] == UInt8(ascii: "=") else { return nil }
        j += 1
        skip([0x20, 0x09, UInt8(ascii: "\\")])
        guard j < end, html[j] == UInt8(ascii: "\"") || html[j] == UInt8(ascii: "'") else { return nil }
        let quote = html[j]
        j += 1
        let valueStart = j
        while j < end && html[j] != quote && html[j] != UInt8(ascii: "\\") { j += 1 }
        guard j < end, j > valueStart, j - valueStart <= 60 else { return nil }
        return String(decoding: html[valueStart..<j], as: UTF8.self)
    }
}
