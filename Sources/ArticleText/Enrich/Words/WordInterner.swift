/// Gives each distinct folded word an id (0, 1, 2, … in order of first
/// sight) while the gazetteer loads, keyed by the word's bytes: no `String`
/// is made for a word seen before, and each new word's bytes are kept once in
/// one arena. The enrich stage probes the loaded gazetteer's interner with
/// `find`; `arena` and `starts` are what the gazetteer's table file keeps.
struct WordInterner: Sendable {
    /// Each slot's word hash (`FoldedWord.hash`, never 0); 0 marks an empty slot.
    private var hashes: [UInt64]
    private var slotIDs: [Int32]
    private var mask: Int
    /// Word `i`'s bytes are `arena[starts[i]..<starts[i + 1]]`.
    private(set) var arena: [UInt8] = []
    private(set) var starts: [Int32] = [0]

    var count: Int { starts.count - 1 }

    init(capacity: Int) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        hashes = Array(repeating: 0, count: size)
        slotIDs = Array(repeating: 0, count: size)
        mask = size - 1
        arena.reserveCapacity(capacity * 8)
        starts.reserveCapacity(capacity + 1)
    }

    /// The words of `arena` (word i is `arena[starts[i]..<starts[i + 1]]`)
    /// with ids 0, 1, 2 … in that order, as a table file keeps them.
    init(arena: [UInt8], starts: [Int32]) {
        self.init(capacity: max(starts.count - 1, 0))
        self.arena = arena
        self.starts = starts
        for id in 0..<count {
            let hash = arena.withUnsafeBufferPointer { FoldedWord.hash(UnsafeBufferPointer(rebasing: $0[Int(starts[id])..<Int(starts[id + 1])])) }
            var i = Int(truncatingIfNeeded: hash) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = hash
            slotIDs[i] = Int32(id)
        }
    }

    /// The id of `word`, or nil when it was never interned.
    func find(_ word: FoldedWord) -> Int32? {
        word.withBytes { bytes in
            var i = Int(truncatingIfNeeded: word.hash) & mask
            while hashes[i] != 0 {
                if hashes[i] == word.hash, equals(Int(slotIDs[i]), bytes) { return slotIDs[i] }
                i = (i + 1) & mask
            }
            return nil
        }
    }

    /// The id of the word made of `bytes` (valid UTF-8, already folded), new if unseen.
    mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = FoldedWord.hash(bytes)
        var i = Int(truncatingIfNeeded: hash) & mask
        while hashes[i] != 0 {
            if hashes[i] == hash, equals(Int(slotIDs[i]), bytes) { return slotIDs[i] }
            i = (i + 1) & mask
        }
        let id = Int32(count)
        hashes[i] = hash
        slotIDs[i] = id
        arena.append(contentsOf: bytes)
        starts.append(Int32(arena.count))
        if count * 2 > hashes.count { grow() }
        return id
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        guard Int(starts[id + 1]) - start == bytes.count else { return false }
        for k in 0..<bytes.count where arena[start + k] != bytes[k] { return false }
        return true
    }

    private mutating func grow() {
        let oldHashes = hashes
        let oldIDs = slotIDs
        hashes = Array(repeating: 0, count: oldHashes.count * 2)
        slotIDs = Array(repeating: 0, count: oldHashes.count * 2)
        mask = hashes.count - 1
        for (k, hash) in oldHashes.enumerated() where hash != 0 {
            var i = Int(truncatingIfNeeded: hash) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = hash
            slotIDs[i] = oldIDs[k]
        }
    }
}
