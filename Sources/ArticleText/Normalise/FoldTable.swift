/// The search-folding map from `NormaliseData/fold-map.tsv`: per scalar,
/// either nothing (removed), a replacement sequence, or itself. Every
/// replacement is already folded, which is what makes `fold` idempotent.
/// Replacements live in one flat array; an entry packs their start and count,
/// so the hot loop does no allocation and no enum unpacking.
struct FoldTable: Sendable {
    static let shared = FoldTable()

    static let keep: Int32 = -1
    static let remove: Int32 = -2

    /// BMP lookup: `keep`, `remove`, or `start << 8 | count` into `replacements`.
    private var bmp: [Int32]
    private(set) var replacements: [UInt32]
    private var supplementary: [UInt32: Int32]

    private init() {
        var bmp = [Int32](repeating: Self.keep, count: 0x10000)
        var replacements: [UInt32] = []
        var supplementary: [UInt32: Int32] = [:]
        for row in ResourceTable.rows("fold-map") where row.count == 2 {
            let key = row[0].split(separator: "-")
            guard let lo = key.first.flatMap({ ResourceTable.scalar($0) }) else { continue }
            let hi = key.count == 2 ? (ResourceTable.scalar(key[1]) ?? lo) : lo
            let target = ResourceTable.scalars(row[1]).map(\.value)
            let value: Int32
            if target.isEmpty {
                value = Self.remove
            } else {
                value = Int32(replacements.count << 8 | min(target.count, 255))
                replacements.append(contentsOf: target)
            }
            for c in lo...hi {
                if c < 0x10000 { bmp[Int(c)] = value } else { supplementary[c] = value }
            }
        }
        self.bmp = bmp
        self.replacements = replacements
        self.supplementary = supplementary
    }

    @inline(__always)
    func entry(_ v: UInt32) -> Int32 {
        v < 0x10000 ? bmp[Int(v)] : (supplementary[v] ?? Self.keep)
    }

    /// Appends the folded form of one scalar (nothing, itself, or its
    /// replacement): `Normaliser.fold` one scalar at a time, for callers that
    /// fold while they scan (the parser's tokenizer).
    func append(_ scalar: Unicode.Scalar, to out: inout [Unicode.Scalar]) {
        let v = scalar.value
        if v < 0x80 {
            out.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar)
            return
        }
        let entry = entry(v)
        if entry == Self.keep {
            out.append(scalar)
        } else if entry != Self.remove {
            let start = Int(entry >> 8)
            for k in start..<(start + Int(entry & 0xFF)) {
                if let folded = Unicode.Scalar(replacements[k]) { out.append(folded) }
            }
        }
    }
}
