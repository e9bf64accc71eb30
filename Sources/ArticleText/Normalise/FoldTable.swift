/// The search-folding map from `NormaliseData/fold-map.tsv`: per scalar,
/// either nothing (removed), a replacement sequence, or itself. Every
/// replacement is already folded, which is what makes `fold` idempotent.
struct FoldTable: Sendable {
    static let shared = FoldTable()

    /// BMP lookup: -1 keep, -2 remove, otherwise an index into `replacements`.
    private var bmp: [Int32]
    private var replacements: [[Unicode.Scalar]]
    private var supplementary: [UInt32: Int32]

    enum Entry {
        case keep
        case remove
        case replace([Unicode.Scalar])
    }

    private init() {
        var bmp = [Int32](repeating: -1, count: 0x10000)
        var replacements: [[Unicode.Scalar]] = []
        var supplementary: [UInt32: Int32] = [:]
        func set(_ c: UInt32, _ value: Int32) {
            if c < 0x10000 { bmp[Int(c)] = value } else { supplementary[c] = value }
        }
        for row in ResourceTable.rows("fold-map") where row.count == 2 {
            let key = row[0].split(separator: "-")
            guard let lo = key.first.flatMap({ ResourceTable.scalar($0) }) else { continue }
            let hi = key.count == 2 ? (ResourceTable.scalar(key[1]) ?? lo) : lo
            let target = ResourceTable.scalars(row[1])
            let value: Int32
            if target.isEmpty {
                value = -2
            } else {
                value = Int32(replacements.count)
                replacements.append(target)
            }
            for c in lo...hi { set(c, value) }
        }
        self.bmp = bmp
        self.replacements = replacements
        self.supplementary = supplementary
    }

    @inline(__always)
    func entry(_ v: UInt32) -> Entry {
        let index = v < 0x10000 ? bmp[Int(v)] : (supplementary[v] ?? -1)
        switch index {
        case -1: return .keep
        case -2: return .remove
        default: return .replace(replacements[Int(index)])
        }
    }
}
