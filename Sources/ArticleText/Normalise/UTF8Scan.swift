/// Reading the scalars of valid UTF-8 straight from a string's bytes: the
/// normaliser's loops decode here instead of going through
/// `String.UnicodeScalarView`, whose per-scalar index checks were most of
/// their time.
enum UTF8Scan {
    /// The scalar value starting at `i` in `p`, advancing `i` past it. `p`
    /// must hold valid UTF-8 (a `String`'s bytes) and `i` a lead byte.
    @inline(__always)
    static func next(_ p: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let b0 = UInt32(p[i])
        if b0 < 0x80 {
            i &+= 1
            return b0
        }
        if b0 < 0xE0 {
            let v = (b0 & 0x1F) << 6 | UInt32(p[i &+ 1] & 0x3F)
            i &+= 2
            return v
        }
        if b0 < 0xF0 {
            let v = (b0 & 0x0F) << 12 | UInt32(p[i &+ 1] & 0x3F) << 6 | UInt32(p[i &+ 2] & 0x3F)
            i &+= 3
            return v
        }
        let v = (b0 & 0x07) << 18 | UInt32(p[i &+ 1] & 0x3F) << 12 | UInt32(p[i &+ 2] & 0x3F) << 6 | UInt32(p[i &+ 3] & 0x3F)
        i &+= 4
        return v
    }

    /// Runs `body` on the UTF-8 bytes of `s`, copying them first only when
    /// the string does not store them contiguously (a bridged string).
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = s.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = s
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable(body) ?? Array(s.utf8).withUnsafeBufferPointer(body)
    }
}
