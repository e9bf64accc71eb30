/// What the normaliser needs to know about each Unicode scalar, packed into a
/// flag word per scalar: its kind (removed control, joiner, space, line
/// break, tatweel, quote, dash), whether it is an Arabic-script letter or
/// mark, and whether NFC might change text that contains it. Built once from
/// `NormaliseData/character-classes.tsv` so the hot loop is one array load.
struct CharacterTable: Sendable {
    enum Kind: UInt16 {
        case other = 0, remove, joiner, space, lineBreak, tatweel, quote, dash
    }

    static let arabicLetter: UInt16 = 1 << 4
    static let arabicMark: UInt16 = 1 << 5
    static let nfcUnsafe: UInt16 = 1 << 6

    static let shared = CharacterTable()

    private var bmp: [UInt16]
    /// Supplementary-plane entries as sorted, disjoint (first, last, flags) runs.
    private var supplementary: [(first: UInt32, last: UInt32, flags: UInt16)]

    private init() {
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [(first: UInt32, last: UInt32, flags: UInt16)] = []
        for row in ResourceTable.rows("character-classes") where row.count == 3 {
            guard let lo = ResourceTable.scalar(row[1]), let hi = ResourceTable.scalar(row[2]) else { continue }
            let (mask, value) = Self.flag(for: row[0])
            if lo < 0x10000 {
                for c in Int(lo)...Int(min(hi, 0xFFFF)) { bmp[c] = (bmp[c] & ~mask) | value }
            }
            if hi >= 0x10000 { supplementary.append((max(lo, 0x10000), hi, value)) }
        }
        supplementary.sort { $0.first < $1.first }
        self.bmp = bmp
        self.supplementary = supplementary
    }

    private static func flag(for name: Substring) -> (mask: UInt16, value: UInt16) {
        switch name {
        case "remove": (0xF, Kind.remove.rawValue)
        case "joiner": (0xF, Kind.joiner.rawValue)
        case "space": (0xF, Kind.space.rawValue)
        case "linebreak": (0xF, Kind.lineBreak.rawValue)
        case "tatweel": (0xF, Kind.tatweel.rawValue)
        case "quote": (0xF, Kind.quote.rawValue)
        case "dash": (0xF, Kind.dash.rawValue)
        case "arabic-letter": (arabicLetter, arabicLetter)
        case "arabic-mark": (arabicMark, arabicMark)
        case "nfc-unsafe": (nfcUnsafe, nfcUnsafe)
        default: (0, 0)
        }
    }

    @inline(__always)
    func flags(_ v: UInt32) -> UInt16 {
        if v < 0x10000 { return bmp[Int(v)] }
        var lo = 0
        var hi = supplementary.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let run = supplementary[mid]
            if v < run.first {
                hi = mid - 1
            } else if v > run.last {
                lo = mid + 1
            } else {
                return run.flags
            }
        }
        return 0
    }

    @inline(__always)
    static func kind(_ flags: UInt16) -> Kind { Kind(rawValue: flags & 0xF) ?? .other }
}
