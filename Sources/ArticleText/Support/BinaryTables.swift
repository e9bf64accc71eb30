/// A compact binary file of integer arrays, one after another, for tables
/// that are built from the resource lists ahead of time (`newswire-tables`)
/// and loaded at start-up with no per-entry parsing: each array is a
/// little-endian element count (UInt32) followed by its elements,
/// little-endian, padded to a multiple of four bytes. The file opens with an
/// eight-byte magic naming its layout, so loading a file of another layout
/// (or a stale one) stops at once instead of misreading it.
struct BinaryTableWriter {
    private(set) var bytes: [UInt8]

    init(magic: StaticString) {
        precondition(magic.utf8CodeUnitCount == 8, "a table file's magic is eight bytes")
        bytes = Array(UnsafeBufferPointer(start: magic.utf8Start, count: 8))
    }

    mutating func append<T: FixedWidthInteger>(_ values: [T]) {
        appendInteger(UInt32(values.count))
        for value in values { appendInteger(value) }
        while bytes.count % 4 != 0 { bytes.append(0) }
    }

    private mutating func appendInteger<T: FixedWidthInteger>(_ value: T) {
        var v = value.littleEndian
        withUnsafeBytes(of: &v) { bytes.append(contentsOf: $0) }
    }
}

/// Reads the arrays a `BinaryTableWriter` wrote, in the same order. A file
/// that is too short or has another magic is a programming error (the table
/// files are compiled in): it stops the process naming `file`.
struct BinaryTableReader {
    private let bytes: [UInt8]
    private let file: String
    private var offset = 8

    init(_ bytes: [UInt8], magic: StaticString, file: String) {
        let expected = UnsafeBufferPointer(start: magic.utf8Start, count: magic.utf8CodeUnitCount)
        guard bytes.count >= 8, bytes[0..<8].elementsEqual(expected) else {
            preconditionFailure("ArticleText resource \(file) is not a \(magic) table file; regenerate it with Scripts/build-text-tables.sh")
        }
        self.bytes = bytes
        self.file = file
    }

    mutating func read<T: FixedWidthInteger>(_ type: T.Type) -> [T] {
        let count = Int(readInteger(UInt32.self))
        let size = count * MemoryLayout<T>.size
        guard offset + size <= bytes.count else { preconditionFailure("ArticleText resource \(file) ends inside an array") }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialised in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<(offset + size)]))
            }
            initialised = count
        }
        offset += (size + 3) & ~3
        #if _endian(big)
        return values.map { T(littleEndian: $0) }
        #else
        return values
        #endif
    }

    /// Whether every array has been read (a longer file is of another layout).
    var isAtEnd: Bool { offset == bytes.count }

    private mutating func readInteger<I: FixedWidthInteger>(_ type: I.Type) -> I {
        guard offset + MemoryLayout<I>.size <= bytes.count else { preconditionFailure("ArticleText resource \(file) ends inside an array") }
        let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: I.self) }
        offset += MemoryLayout<I>.size
        return I(littleEndian: value)
    }
}
