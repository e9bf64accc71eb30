/// FNV-1a, 64-bit: a small, fixed, well-spread hash. SimHash needs the same
/// hash in every process (Swift's `Hasher` is seeded per process).
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// The hash of `text`, or of some earlier text followed by `text` when
    /// `continuing` is that earlier text's hash.
    static func hash(_ text: String, continuing: UInt64 = offsetBasis) -> UInt64 {
        var h = continuing
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// `hash(word.string, continuing:)`, read from the word's bytes in place.
    static func hash(_ word: FoldedWord, continuing: UInt64 = offsetBasis) -> UInt64 {
        word.withBytes { bytes in
            var h = continuing
            for byte in bytes {
                h ^= UInt64(byte)
                h = h &* 0x0000_0100_0000_01b3
            }
            return h
        }
    }
}
