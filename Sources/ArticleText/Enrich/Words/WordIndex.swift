/// Numbers the distinct folded words of one article in order of first
/// appearance (0, 1, 2 …), so per-word tallies live in arrays: a growable
/// open-addressing table probed with each word's own hash, no hashing.
struct WordIndex {
    private var hashes: [UInt64]
    private var slots: [Int32]
    private(set) var words: [FoldedWord] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        hashes = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { words.count }

    /// The number of `word`, and whether this call gave it one.
    mutating func number(_ word: FoldedWord) -> (Int, isNew: Bool) {
        var i = Int(truncatingIfNeeded: word.hash) & mask
        while hashes[i] != 0 {
            if hashes[i] == word.hash, words[Int(slots[i])] == word { return (Int(slots[i]), false) }
            i = (i + 1) & mask
        }
        let number = words.count
        words.append(word)
        hashes[i] = word.hash
        slots[i] = Int32(number)
        if words.count * 2 > hashes.count { grow() }
        return (number, true)
    }

    /// The number of `word`, or nil when it has none.
    func find(_ word: FoldedWord) -> Int? {
        var i = Int(truncatingIfNeeded: word.hash) & mask
        while hashes[i] != 0 {
            if hashes[i] == word.hash, words[Int(slots[i])] == word { return Int(slots[i]) }
            i = (i + 1) & mask
        }
        return nil
    }

    private mutating func grow() {
        let size = hashes.count * 2
        hashes = Array(repeating: 0, count: size)
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for (number, word) in words.enumerated() {
            var i = Int(truncatingIfNeeded: word.hash) & mask
            while hashes[i] != 0 { i = (i + 1) & mask }
            hashes[i] = word.hash
            slots[i] = Int32(number)
        }
    }
}
