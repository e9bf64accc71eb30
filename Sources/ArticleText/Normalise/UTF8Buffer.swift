/// A growable UTF-8 byte buffer the normaliser writes scalars into; turning
/// bytes into a `String` once at the end is much cheaper than appending to a
/// `String` scalar by scalar.
struct UTF8Buffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    @inline(__always)
    mutating func append(_ v: UInt32) { Self.append(v, to: &bytes) }

    /// Appends the UTF-8 bytes of scalar value `v` to `bytes`.
    @inline(__always)
    static func append(_ v: UInt32, to bytes: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    @inline(__always)
    mutating func appendByte(_ b: UInt8) { bytes.append(b) }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
