import Foundation

/// A small seeded generator (SplitMix64) and random-text builders for the
/// normalise and input property tests, so every run checks the same cases.
struct NormaliseRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Scalars chosen to stress the normaliser: Arabic letters, marks, tatweel,
    /// joiners, bidi and invisible controls, every whitespace and line-break
    /// form, combining Latin marks, Hangul jamo, digits, quotes, dashes,
    /// emoji with variation selectors, and any other scalar (no surrogates).
    private static let pools: [[UInt32]] = [
        Array(0x0621...0x064A), Array(0x064B...0x065F) + [0x0670, 0x0653, 0x0654, 0x0655], [0x0640, 0x0640],
        [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
         0x2060, 0xFEFF, 0x00AD, 0x061C],
        [0x20, 0x20, 0x20, 0x09, 0xA0, 0x2009, 0x202F, 0x3000, 0x1680, 0x2000, 0x2001],
        [0x0A, 0x0D, 0x0D, 0x0A, 0x85, 0x2028, 0x2029, 0x0B, 0x0C],
        Array(0x0300...0x036F), Array(0x41...0x7A), [0xC9, 0xE9, 0xDF, 0x130, 0x1E9E, 0x212B, 0x2126, 0x0344],
        Array(0x1100...0x1112) + Array(0x1161...0x1175) + Array(0x11A8...0x11C2) + [0xAC00, 0xD7A3],
        Array(0x0660...0x0669) + Array(0x06F0...0x06F9) + Array(0x30...0x39),
        [0x22, 0x27, 0xAB, 0xBB, 0x201C, 0x201D, 0x2018, 0x2019, 0x2013, 0x2014, 0x2212],
        [0x1F600, 0xFE0F, 0x1F1F8, 0x1F1E6, 0x20AC, 0xA9, 0x00, 0x01, 0x7F, 0x9F],
        Array(0x06C0...0x06D5) + [0x0622, 0x0623, 0x0625, 0x0671, 0x0649, 0x0629, 0x06CC, 0x06A9],
    ]

    mutating func scalar() -> Unicode.Scalar {
        if Int.random(in: 0..<10, using: &self) == 0 {
            while true {
                let v = UInt32.random(in: 0...0x10FFFF, using: &self)
                if let s = Unicode.Scalar(v) { return s }
            }
        }
        let pool = Self.pools[Int.random(in: 0..<Self.pools.count, using: &self)]
        return Unicode.Scalar(pool[Int.random(in: 0..<pool.count, using: &self)]) ?? " "
    }

    mutating func string(maxLength: Int) -> String {
        var scalars = String.UnicodeScalarView()
        let length = Int.random(in: 0...maxLength, using: &self)
        for _ in 0..<length {
            if Int.random(in: 0..<50, using: &self) == 0 {
                let run = Int.random(in: 1...200, using: &self)
                let ws: Unicode.Scalar = ["\u{20}", "\u{A0}", "\n", "\r", "\u{2009}"].randomElement(using: &self)!
                for _ in 0..<run { scalars.append(ws) }
            } else {
                scalars.append(scalar())
            }
        }
        return String(scalars)
    }

    mutating func bytes(maxLength: Int) -> [UInt8] {
        let length = Int.random(in: 0...maxLength, using: &self)
        return (0..<length).map { _ in UInt8.random(in: 0...255, using: &self) }
    }
}
