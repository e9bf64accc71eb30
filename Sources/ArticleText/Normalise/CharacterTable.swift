/// What the normaliser needs to know about each Unicode scalar, packed into a
/// flag word per scalar: its kind (removed control, joiner, space, line
/// break, tatweel, quote, dash), whether it is an Arabic-script letter or
/// mark, its NFC quick-check value and its canonical combining class. Built
/// once from `NormaliseData/character-classes.tsv` so the hot loop is one
/// array load per scalar.
struct CharacterTable: Sendable {
    enum Kind: UInt16 {
        case other = 0, remove, joiner, space, lineBreak, tatweel, quote, dash
    }

    static let arabicLetter: UInt16 = 1 << 4
    static let arabicMark: UInt16 = 1 << 5
    /// NFC_Quick_Check = No: the scalar never survives NFC.
    static let nfcNo: UInt16 = 1 << 6
    /// NFC_Quick_Check = Maybe: the scalar may compose with what precedes it.
    static let nfcMaybe: UInt16 = 1 << 7
    /// Any flag that makes the NFC quick check look closer.
    static let nfcAttention: UInt16 = nfcNo | nfcMaybe | 0xFF00

    static let shared = CharacterTable()

    private var bmp: [UInt16]
    /// Supplementary-plane entries as sorted, disjoint (first, last, flags) runs.
    private var supplementary: [(first: UInt32, last: UInt32, flags: UInt16)]

    private init() {
        var bmp = [UInt16](repeating: 0, count: 0x10000)
        var wide: [(lo: UInt32, hi: UInt32, mask: UInt16, value: UInt16)] = []
        for row in ResourceTable.rows("character-classes") where row.count == 3 {
            guard let lo = ResourceTable.scalar(row[1]), let hi = ResourceTable.scalar(row[2]), lo <= hi else { continue }
            let (mask, value) = Self.flag(for: row[0])
            if lo < 0x10000 {
                for c in Int(lo)...Int(min(hi, 0xFFFF)) { bmp[c] = (bmp[c] & ~mask) | value }
            }
            if hi >= 0x10000 { wide.append((max(lo, 0x10000), hi, mask, value)) }
        }
        // Overlapping rows (a class and a combining class) merge into disjoint runs.
        let bounds = Set(wide.flatMap { [$0.lo, $0.hi &+ 1] }).sorted()
        var supplementary: [(first: UInt32, last: UInt32, flags: UInt16)] = []
        for (start, next) in zip(bounds, bounds.dropFirst()) {
            var flags: UInt16 = 0
            for row in wide where row.lo <= start && start <= row.hi { flags = (flags & ~row.mask) | row.value }
            if flags != 0 { supplementary.append((start, next - 1, flags)) }
        }
        self.bmp = bmp
        self.supplementary = supplementary
    }

    private static func flag(for name: Substring) -> (mask: UInt16, value: UInt16) {
        if name.hasPrefix("ccc-"), let ccc = UInt16(name.dropFirst(4)), ccc < 256 {
            return (0xFF00, ccc << 8)
        }
        switch name {
        case "remove": return (0xF, Kind.remove.rawValue)
        case "joiner": return (0xF, Kind.joiner.rawValue)
        case "space": return (0xF, Kind.space.rawValue)
        case "linebreak": return (0xF, Kind.lineBreak.rawValue)
        case "tatweel": return (0xF, Kind.tatweel.rawValue)
        case "quote": return (0xF, Kind.quote.rawValue)
        case "dash": return (0xF, Kind.dash.rawValue)
        case "arabic-letter": return (arabicLetter, arabicLetter)
        case "arabic-mark": return (arabicMark, arabicMark)
        case "nfc-no": return (nfcNo, nfcNo)
        case "nfc-maybe": return (nfcMaybe, nfcMaybe)
        default: return (0, 0)
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

    @inline(__always)
    static func combiningClass(_ flags: UInt16) -> UInt16 { flags >> 8 }

    /// UAX #15 quick check: true when the valid UTF-8 `bytes` are certainly
    /// NFC (no `No`/`Maybe` scalar, combining marks in canonical order).
    func isQuickNFC(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var lastClass: UInt16 = 0
        var i = 0
        let end = bytes.count
        while i < end {
            let v = UTF8Scan.next(bytes, &i)
            if v < 0x300 {
                lastClass = 0
                continue
            }
            let f = flags(v)
            if f & (Self.nfcNo | Self.nfcMaybe) != 0 { return false }
            let ccc = Self.combiningClass(f)
            if ccc != 0 && lastClass > ccc { return false }
            lastClass = ccc
        }
        return true
    }
}
