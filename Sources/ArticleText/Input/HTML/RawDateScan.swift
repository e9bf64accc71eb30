/// Finds `"key": "value"` or `key="value"` in a raw page, for dates a site
/// states only inside a script's JSON or an RDF block in a comment. A plain
/// byte search, bounded to a short value, so it stays linear.
enum RawDateScan {
    static func value(of key: String, in html: [UInt8]) -> String? {
        let needle = Array(key.utf8)
        guard needle.count >= 2, html.count >= needle.count else { return nil }
        let found: Int? = html.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in
                let first = pin[0]
                let last = hay.count - pin.count
                var i = 0
                while i <= last {
                    if hay[i] == first {
                        var k = 1
                        while k < pin.count && hay[i + k] == pin[k] { k += 1 }
                        if k == pin.count, quotedValue(html, from: i + k) != nil { return i + k }
                    }
                    i += 1
                }
                return nil
            }
        }
        return found.flatMap { quotedValue(html, from: $0) }
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
