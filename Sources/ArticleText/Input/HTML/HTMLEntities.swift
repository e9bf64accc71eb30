/// Decodes HTML character references (`&amp;`, `&nbsp;`, `&raquo;`, `&#1575;`,
/// `&#x627;`, legacy forms without `;`) using the WHATWG named-reference list
/// in `NormaliseData/html-entities.tsv`. Unknown references stay as written.
enum HTMLEntities {
    private static let named: [String: [Unicode.Scalar]] = {
        var table: [String: [Unicode.Scalar]] = [:]
        for row in ResourceTable.rows("html-entities") where row.count == 2 {
            table[String(row[0])] = ResourceTable.scalars(row[1])
        }
        return table
    }()

    private static let windows1252: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        for row in ResourceTable.rows("windows-1252-c1") where row.count == 2 {
            if let from = ResourceTable.scalar(row[0]), let to = ResourceTable.scalar(row[1]) { table[from] = to }
        }
        return table
    }()

    /// The longest entity name in the list, bounding the look-ahead.
    private static let longestName = 32

    /// Decodes the references in `bytes[range]` (UTF-8) into a string.
    static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        guard bytes[range].contains(UInt8(ascii: "&")) else {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        var out = UTF8Buffer(capacity: range.count)
        var i = range.lowerBound
        var plainStart = i
        func flushPlain(_ upTo: Int) {
            for k in plainStart..<upTo { out.appendByte(bytes[k]) }
        }
        while i < range.upperBound {
            guard bytes[i] == UInt8(ascii: "&") else {
                i += 1
                continue
            }
            if let (scalars, length) = reference(bytes, at: i, end: range.upperBound) {
                flushPlain(i)
                for s in scalars { out.append(s) }
                i += length
                plainStart = i
            } else {
                i += 1
            }
        }
        flushPlain(range.upperBound)
        return out.string
    }

    static func decode(_ s: String) -> String {
        let bytes = Array(s.utf8)
        return decode(bytes, 0..<bytes.count)
    }

    /// The scalars a reference at `start` (pointing at `&`) stands for, and how
    /// many bytes it spans; nil when it is not a reference.
    private static func reference(_ bytes: [UInt8], at start: Int, end: Int) -> ([UInt32], Int)? {
        var i = start + 1
        guard i < end else { return nil }
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < end && (bytes[i] == UInt8(ascii: "x") || bytes[i] == UInt8(ascii: "X")) {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while i < end, let d = digit(bytes[i], hex: hex) {
                if value < 0x110000 { value = value * (hex ? 16 : 10) + d }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < end && bytes[i] == UInt8(ascii: ";") { i += 1 }
            return ([codePoint(value)], i - start)
        }
        var nameEnd = i
        while nameEnd < end && nameEnd - i <= longestName && isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > i else { return nil }
        if nameEnd < end && bytes[nameEnd] == UInt8(ascii: ";") {
            let name = String(decoding: bytes[i...nameEnd], as: UTF8.self)
            if let scalars = named[name] { return (scalars.map(\.value), nameEnd + 1 - start) }
        }
        // Legacy references without ';' (`&amp`, `&nbsp`): longest known prefix.
        var k = nameEnd
        while k > i {
            let name = String(decoding: bytes[i..<k], as: UTF8.self)
            if let scalars = named[name] { return (scalars.map(\.value), k - start) }
            k -= 1
        }
        return nil
    }

    private static func codePoint(_ value: UInt32) -> UInt32 {
        if let mapped = windows1252[value] { return mapped }
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0xFFFD }
        return value
    }

    private static func digit(_ b: UInt8, hex: Bool) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }
}
