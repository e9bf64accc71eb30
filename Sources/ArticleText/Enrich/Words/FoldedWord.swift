/// A word in the search fold (`Normaliser.fold`) with a 64-bit hash of its
/// UTF-8 bytes, computed once when the word is made. The enrich stage looks
/// each token up in dozens of word lists; `String` hashes and compares
/// non-ASCII text through Unicode normalisation on every call, while folded
/// words are already in one canonical form, so comparing their bytes is exact
/// and one hash per word is enough (`WordTable` probes with it directly).
struct FoldedWord: Hashable, Sendable, CustomStringConvertible {
    let string: String
    /// FNV-1a over the UTF-8 bytes, finished with a 64-bit mix so that its
    /// low bits index a power-of-two table well; never 0.
    let hash: UInt64

    /// A word already in the search fold (a resource list's folded entry, a token's folded text).
    init(_ string: String) {
        self.string = string
        self.hash = Self.hash(string.utf8)
    }

    /// The folded form of `text`.
    init(folding text: String) {
        self.init(Normaliser.fold(text))
    }

    /// `string` with its hash already worked out (`FoldedWord.hash` of its bytes).
    init(_ string: String, hash: UInt64) {
        self.string = string
        self.hash = hash
    }

    /// A word made of `bytes`, which must be valid UTF-8.
    init(bytes: some Collection<UInt8>) {
        self.string = String(decoding: bytes, as: UTF8.self)
        self.hash = Self.hash(bytes)
    }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        h ^= h >> 33
        h = h &* 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h = h &* 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h == 0 ? 1 : h
    }

    var description: String { string }

    var isEmpty: Bool { string.isEmpty }

    /// Characters, as `String.count` counts them.
    var count: Int { string.count }

    var unicodeScalars: String.UnicodeScalarView { string.unicodeScalars }

    /// Whether the word starts with `prefix`, compared byte by byte.
    func hasPrefix(_ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        let p = prefix.utf8Start
        return withBytes { bytes in
            guard bytes.count >= n else { return false }
            for k in 0..<n where bytes[k] != p[k] { return false }
            return true
        }
    }

    /// Whether the word ends with `suffix`, compared byte by byte.
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        let p = suffix.utf8Start
        return withBytes { bytes in
            guard bytes.count >= n else { return false }
            let offset = bytes.count - n
            for k in 0..<n where bytes[offset + k] != p[k] { return false }
            return true
        }
    }

    /// The word without its first `n` scalars.
    func droppingFirst(_ n: Int) -> FoldedWord {
        FoldedWord(String(string.unicodeScalars.dropFirst(n)))
    }

    /// Words as one phrase, joined by single spaces ("رئيس الوزراء").
    init(phrase words: FoldedWord...) {
        self.init(words.map(\.string).joined(separator: " "))
    }

    static func == (lhs: FoldedWord, rhs: FoldedWord) -> Bool {
        lhs.hash == rhs.hash && lhs.withBytes { a in rhs.withBytes { b in a.elementsEqual(b) } }
    }

    /// Byte comparison with a literal ("علي", "of").
    static func == (lhs: FoldedWord, rhs: StaticString) -> Bool {
        lhs.withBytes { a in a.elementsEqual(UnsafeBufferPointer(start: rhs.utf8Start, count: rhs.utf8CodeUnitCount)) }
    }

    static func != (lhs: FoldedWord, rhs: StaticString) -> Bool { !(lhs == rhs) }

    func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(string.utf8).withUnsafeBufferPointer(body)
    }
}
