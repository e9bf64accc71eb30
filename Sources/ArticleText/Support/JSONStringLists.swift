/// Reads the two JSON shapes of the word-list resources (`english-words.json`:
/// an array of strings; `stopwords.json`: an object of arrays of strings) in
/// one pass over the bytes. `JSONDecoder` spent about a thousand
/// instructions per string on them, a tenth of the text stages' start-up.
/// It accepts what JSON allows for these shapes (any white space, every
/// string escape, `\u` surrogate pairs) and rejects the rest (a control
/// character in a string, a trailing comma, anything after the value) with
/// the byte offset; an object's later duplicate key wins, as `JSONDecoder`'s.
struct JSONStringLists {
    struct Malformed: Error, CustomStringConvertible {
        var offset: Int
        var expected: String
        var description: String { "expected \(expected) at byte \(offset)" }
    }

    /// An array of strings.
    static func list(_ bytes: [UInt8]) throws -> [String] {
        try read(bytes) { try $0.array() }
    }

    /// An object whose every value is an array of strings.
    static func lists(_ bytes: [UInt8]) throws -> [String: [String]] {
        try read(bytes) { reader in
            var lists: [String: [String]] = [:]
            try reader.consume(UInt8(ascii: "{"), "{")
            if try reader.peek() == UInt8(ascii: "}") {
                reader.i += 1
                return lists
            }
            while true {
                let key = try reader.string()
                try reader.consume(UInt8(ascii: ":"), ":")
                lists[key] = try reader.array()
                if try reader.peek() == UInt8(ascii: ",") {
                    reader.i += 1
                    continue
                }
                try reader.consume(UInt8(ascii: "}"), ", or }")
                return lists
            }
        }
    }

    private static func read<T>(_ bytes: [UInt8], _ body: (inout JSONStringLists) throws -> T) throws -> T {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw Malformed(offset: 0, expected: "UTF-8 text") }
        return try bytes.withUnsafeBufferPointer { buffer in
            var reader = JSONStringLists(bytes: buffer)
            let value = try body(&reader)
            reader.skipSpace()
            guard reader.i == buffer.count else { throw Malformed(offset: reader.i, expected: "the end of the text") }
            return value
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var scratch: [UInt8] = []

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func peek() throws -> UInt8 {
        skipSpace()
        guard i < bytes.count else { throw Malformed(offset: i, expected: "more text") }
        return bytes[i]
    }

    private mutating func consume(_ byte: UInt8, _ expected: String) throws {
        guard try peek() == byte else { throw Malformed(offset: i, expected: expected) }
        i += 1
    }

    private mutating func array() throws -> [String] {
        var list: [String] = []
        try consume(UInt8(ascii: "["), "[")
        if try peek() == UInt8(ascii: "]") {
            i += 1
            return list
        }
        while true {
            list.append(try string())
            if try peek() == UInt8(ascii: ",") {
                i += 1
                continue
            }
            try consume(UInt8(ascii: "]"), ", or ]")
            return list
        }
    }

    private mutating func string() throws -> String {
        try consume(UInt8(ascii: "\""), "a string")
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        guard i < bytes.count else { throw Malformed(offset: i, expected: "the end of a string") }
        if bytes[i] == UInt8(ascii: "\"") {
            i += 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while true {
            guard i < bytes.count else { throw Malformed(offset: i, expected: "the end of a string") }
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scratch, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape()
            case ..<0x20:
                throw Malformed(offset: i - 1, expected: "no control character in a string")
            default:
                scratch.append(byte)
            }
        }
    }

    private mutating func escape() throws {
        guard i < bytes.count else { throw Malformed(offset: i, expected: "an escape") }
        let byte = bytes[i]
        i += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var value = try hex4()
            if value >= 0xD800 && value < 0xDC00 {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw Malformed(offset: i, expected: "the low half of a surrogate pair")
                }
                i += 2
                let low = try hex4()
                guard low >= 0xDC00 && low < 0xE000 else { throw Malformed(offset: i - 4, expected: "the low half of a surrogate pair") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            } else if value >= 0xDC00 && value < 0xE000 {
                throw Malformed(offset: i - 4, expected: "no lone low surrogate")
            }
            UTF8Buffer.append(value, to: &scratch)
        default:
            throw Malformed(offset: i - 1, expected: "an escape letter")
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= bytes.count else { throw Malformed(offset: i, expected: "four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw Malformed(offset: i, expected: "a hex digit")
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }
}
