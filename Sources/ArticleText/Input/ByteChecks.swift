/// Checks on the raw bytes that decide whether an input can be text at all:
/// binary content (NUL bytes, many control characters) and UTF-8 validity,
/// each reporting where the problem is.
enum ByteChecks {
    /// The offset of the first NUL byte (or nil) and how many C0 control
    /// bytes other than tab, LF, VT, FF, CR and ESC the bytes hold, in one
    /// pass that looks at single bytes only in the 8-byte words holding a
    /// byte below 0x20 (text has few: line breaks and tabs).
    static func controls(_ bytes: ArraySlice<UInt8>) -> (firstNUL: Int?, count: Int) {
        var firstNUL: Int?
        var count = 0
        bytes.withUnsafeBytes { raw in
            let n = raw.count
            var i = 0
            func look(_ at: Int) {
                let b = raw[at]
                guard b < 0x20, b != 0x09, b != 0x0A, b != 0x0B, b != 0x0C, b != 0x0D, b != 0x1B else { return }
                count += 1
                if b == 0 && firstNUL == nil { firstNUL = at }
            }
            while i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Some byte of the word is below 0x20 (exact as a yes/no test).
                if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 != 0 {
                    for k in i..<(i + 8) { look(k) }
                }
                i += 8
            }
            while i < n {
                look(i)
                i += 1
            }
        }
        return (firstNUL, count)
    }

    /// The offset of the first byte that breaks UTF-8 (overlong forms,
    /// surrogates, code points past U+10FFFF and truncated sequences count),
    /// or nil when the bytes are valid UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        let base = bytes.startIndex
        var i = base
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i - base
            }
            for k in 1..<length {
                guard i + k < end else { return i + k - base }
                let b = bytes[i + k]
                let lo: UInt8 = k == 1 ? lower : 0x80
                let hi: UInt8 = k == 1 ? upper : 0xBF
                if b < lo || b > hi { return i + k - base }
            }
            i += length
        }
        return nil
    }
}
