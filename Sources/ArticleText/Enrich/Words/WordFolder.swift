/// Folds one token at a time into a reused byte buffer (`Normaliser.fold`,
/// scalar by scalar through `FoldTable`) and makes the `FoldedWord`: the
/// token's own string again when folding changed nothing, so most tokens cost
/// one hash and no second string.
struct WordFolder {
    private var buffer: [UInt8] = []
    private let table = FoldTable.shared

    init() { buffer.reserveCapacity(64) }

    mutating func fold(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, text: String, raw: UnsafeBufferPointer<UInt8>) -> FoldedWord {
        buffer.removeAll(keepingCapacity: true)
        for scalar in scalars {
            let v = scalar.value
            if v < 0x80 {
                buffer.append(UInt8(v >= 0x41 && v <= 0x5A ? v + 0x20 : v))
                continue
            }
            let entry = table.entry(v)
            if entry == FoldTable.keep {
                append(v)
            } else if entry != FoldTable.remove {
                let start = Int(entry >> 8)
                for k in start..<(start + Int(entry & 0xFF)) { append(table.replacements[k]) }
            }
        }
        if buffer.elementsEqual(raw) { return FoldedWord(text, hash: FoldedWord.hash(raw)) }
        return FoldedWord(bytes: buffer)
    }

    private mutating func append(_ v: UInt32) { UTF8Buffer.append(v, to: &buffer) }
}
