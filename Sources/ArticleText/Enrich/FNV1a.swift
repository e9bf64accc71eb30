/// FNV-1a, 64-bit: a small, fixed, well-spread hash. SimHash needs the same
/// hash in every process (Swift's `Hasher` is seeded per process).
enum FNV1a {
    static func hash(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
