/// The parser's own folding for table lookups: diacritics (U+064B–065F,
/// U+0670), tatweel and invisible controls dropped; آ أ إ ٱ → ا, ى → ي,
/// ة → ه, Persian ک ی → ك ي; Arabic-Indic and Persian digits → ASCII; Latin,
/// Greek and Cyrillic lower-cased with accents removed. It exists so parse
/// matches its tables the same way whatever the input's normalisation, and
/// it works one scalar at a time (linear, no regex).
enum MatchKey {
    /// The folded form of `text`.
    static func fold(_ text: some StringProtocol) -> String {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return string(out)
    }

    /// A string of `scalars` (built through UTF-8, without per-scalar String work).
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count * 2)
        for scalar in scalars { bytes.append(contentsOf: UTF8.encode(scalar)!) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the scalar is a space or line break (a fast table, no property lookup).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Appends the folded form of one scalar (possibly nothing, possibly several).
    static func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        let v = scalar.value
        switch v {
        case 0x41...0x5A:
            out.append(Unicode.Scalar(v + 32)!)
        case 0..<0x80:
            out.append(scalar)
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            out.append(" ")
        case 0x0622, 0x0623, 0x0625, 0x0671:
            out.append("\u{0627}")
        case 0x0649, 0x06CC:
            out.append("\u{064A}")
        case 0x0629:
            out.append("\u{0647}")
        case 0x06A9:
            out.append("\u{0643}")
        case 0x0640, 0x064B...0x065F, 0x0670, 0x00AD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2069, 0xFEFF:
            return
        case 0x0660...0x0669:
            out.append(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9:
            out.append(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0x00C0...0x05FF, 0x1E00...0x1FFF:
            for folded in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
            where !(0x0300...0x036F).contains(folded.value) {
                out.append(folded)
            }
        default:
            out.append(scalar)
        }
    }
}
