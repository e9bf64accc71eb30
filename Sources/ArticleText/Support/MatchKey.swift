/// Folding for the parser's table lookups: exactly `Normaliser.fold` (the
/// search fold of the normalise stage), applied one scalar at a time so the
/// tokenizer folds while it scans (linear, no regex), plus the small string
/// helpers the parser's scanners share.
enum MatchKey {
    /// The folded form of `text`.
    static func fold(_ text: some StringProtocol) -> String {
        var out: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars { append(scalar, to: &out) }
        return string(out)
    }

    /// A string of `scalars` (built through UTF-8, without per-scalar String work).
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        var out = UTF8Buffer(capacity: scalars.count * 2)
        for scalar in scalars { out.append(scalar.value) }
        return out.string
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
        FoldTable.shared.append(scalar, to: &out)
    }
}
