/// An immutable hash table keyed by `FoldedWord`, probed with the word's own
/// hash (open addressing, linear probing, at most half full): a lookup costs
/// a few loads and one byte comparison, with no hashing. Built once from a
/// resource list; the first value given for a word wins.
struct WordTable<Value: Sendable>: Sendable {
    /// Each slot's word hash; 0 marks an empty slot (`FoldedWord.hash` is never 0).
    private var hashes: [UInt64]
    private var slots: [FoldedWord?]
    private var values: [Value?]
    private let mask: Int
    private(set) var count = 0

    init(_ pairs: some Sequence<(FoldedWord, Value)>) {
        let list = Array(pairs)
        var capacity = 8
        while capacity < list.count * 2 { capacity *= 2 }
        hashes = Array(repeating: 0, count: capacity)
        slots = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
        for (word, value) in list { insert(word, value) }
    }

    private mutating func insert(_ word: FoldedWord, _ value: Value) {
        var i = Int(truncatingIfNeeded: word.hash) & mask
        while hashes[i] != 0 {
            if hashes[i] == word.hash, slots[i] == word { return }
            i = (i + 1) & mask
        }
        hashes[i] = word.hash
        slots[i] = word
        values[i] = value
        count += 1
    }

    /// The slot holding `word`, or nil.
    private func slot(of word: FoldedWord) -> Int? {
        var i = Int(truncatingIfNeeded: word.hash) & mask
        while true {
            let h = hashes[i]
            if h == 0 { return nil }
            if h == word.hash, slots[i] == word { return i }
            i = (i + 1) & mask
        }
    }

    subscript(_ word: FoldedWord) -> Value? {
        slot(of: word).flatMap { values[$0] }
    }

    func contains(_ word: FoldedWord) -> Bool { slot(of: word) != nil }

    /// Every word in the table, in slot order.
    var words: [FoldedWord] { slots.compactMap { $0 } }
}

/// A set of folded words (a cue list, stop words) over `WordTable`.
struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Bool>

    init(_ words: some Sequence<FoldedWord>) {
        table = WordTable(words.lazy.map { ($0, true) })
    }

    /// Words already in the search fold, as written in code.
    init(arrayLiteral words: String...) {
        self.init(words.map { FoldedWord($0) })
    }

    func contains(_ word: FoldedWord) -> Bool { table.contains(word) }

    var count: Int { table.count }

    var words: [FoldedWord] { table.words }
}
