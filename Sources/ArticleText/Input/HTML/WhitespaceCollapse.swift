/// `text.split(whereSeparator: \.isWhitespace).joined(separator: " ")`
/// worked out on UTF-8 scalars instead of grapheme clusters.
///
/// `Character.isWhitespace` is the first scalar's White_Space property, so a
/// split by character and a split by scalar agree as long as every white
/// space scalar is a grapheme cluster of its own (or, CR LF, of white space
/// only). A white-space scalar joins a cluster only after a Prepend scalar
/// or before an Extend, ZWJ or SpacingMark one; where that could happen,
/// `collapsed` returns nil and the caller splits by character.
enum WhitespaceCollapse {
    /// The collapsed text, or nil where a white-space scalar may share a
    /// grapheme cluster with its neighbour.
    static func collapsed(_ text: String) -> String? {
        UTF8Scan.withBytes(text) { p -> String? in
            var shared = false
            let out = String(unsafeUninitializedCapacity: p.count) { out -> Int in
                var n = 0
                var pending = false
                var previous: UInt32 = 0x20
                var i = 0
                while i < p.count {
                    let start = i
                    let v = UTF8Scan.next(p, &i)
                    if isWhitespace(v) {
                        if mayPrepend(previous) || (i < p.count && p[i] >= 0xCC && mayExtend(p, i)) {
                            shared = true
                            return 0
                        }
                        pending = true
                    } else {
                        if pending && n > 0 {
                            out[n] = 0x20
                            n += 1
                        }
                        pending = false
                        for k in start..<i {
                            out[n] = p[k]
                            n += 1
                        }
                    }
                    previous = v
                }
                return n
            }
            return shared ? nil : out
        }
    }

    /// The White_Space property (PropList.txt), which `Character.isWhitespace`
    /// reads from a cluster's first scalar.
    @inline(__always)
    static func isWhitespace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        switch v {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// A superset of Grapheme_Cluster_Break=Prepend (the Brahmic scripts of
    /// U+11000–11FFF taken whole): a scalar after which a
    /// white-space scalar may not start a cluster.
    @inline(__always)
    static func mayPrepend(_ v: UInt32) -> Bool {
        if v < 0x600 { return false }
        switch v {
        case 0x600...0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2, 0xD4E, 0x11000...0x11FFF: return true
        default: return false
        }
    }

    /// Whether the scalar at `i` (a lead byte ≥ 0xCC, so U+0300 or above)
    /// may extend the cluster before it: an Extend (marks, emoji modifiers),
    /// ZWJ or SpacingMark scalar (a mark, or Thai and Lao AM), or any
    /// mark. Arabic letters, the common
    /// case after a space in Arabic text, are answered without a property look-up.
    static func mayExtend(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var j = i
        let v = UTF8Scan.next(p, &j)
        if v >= 0x620 && v <= 0x64A { return false }
        guard let scalar = Unicode.Scalar(v) else { return true }
        let properties = scalar.properties
        if properties.isGraphemeExtend || properties.isEmojiModifier || v == 0x200D || v == 0xE33 || v == 0xEB3 { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
