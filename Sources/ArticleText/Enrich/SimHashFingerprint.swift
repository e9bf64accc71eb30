import Foundation

/// A 64-bit SimHash of the article, as 16 hex digits: republished rewrites of
/// one story land a few bits apart, different stories about half the bits
/// apart. Features are the folded, lightly stemmed content words (stop words of
/// every known language dropped, Arabic ones also behind clitics), weighted
/// 1 + ln(count), and their two-word shingles at 0.7 of that, hashed with
/// FNV-1a 64 and summed in hash order (so rounding, and the result, is the
/// same in every process). Word features carry rewrites that reorder
/// sentences; the shingles keep unrelated texts that share words apart. On the
/// corpus's parsed articles the labelled near-duplicate groups are at most 14
/// bits apart and every other pair at least 19, hence a threshold of 16.
enum SimHashFingerprint: EnrichmentStep {
    static let shingleSize = 2
    static let shingleWeight = 0.7
    /// Hamming distance at or under which two fingerprints count as the same story.
    static let nearDuplicateThreshold = 16

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        result.fingerprint = Fingerprint(simhash: hex(simhash(input)))
    }

    static func simhash(_ input: EnrichInput) -> UInt64 {
        var words: [UInt64] = []
        var previous: UInt64?
        var features = FeatureWeights(capacity: input.tokens.count * 2)
        for index in input.tokens.indices {
            let token = input.tokens[index]
            guard token.kind == .word || token.kind == .number else { continue }
            guard !input.isStopWord[index], token.folded.unicodeScalars.count >= 2 else { continue }
            let key = input.keys[index]
            let word = FNV1a.hash(key)
            features.add(1, to: word)
            // The pair's hash is FNV-1a of "first second", continued from the first word's hash.
            if let previous, shingleSize == 2 {
                features.add(shingleWeight, to: FNV1a.hash(key, continuing: FNV1a.hash(" ", continuing: previous)))
            }
            previous = word
            words.append(word)
        }
        guard !words.isEmpty else { return 0 }
        // Bit b of the fingerprint is the sign of the sum over features of
        // +weight (bit b of the feature's hash set) or -weight, summed in hash
        // order, so rounding is the same in every process. Eight lanes at a
        // time: lane j of `signs[byte]` is +1 or -1 as bit j of the byte, and
        // ±1 × weight is exactly ±weight, so each sum is the one a scalar
        // loop gives.
        var sums = [SIMD8<Double>](repeating: .zero, count: 8)
        sums.withUnsafeMutableBufferPointer { sums in
            Self.signs.withUnsafeBufferPointer { signs in
                for (h, count) in features.sortedByHash() {
                    let weight = 1 + log(count)
                    for group in 0..<8 {
                        sums[group] += signs[Int((h >> UInt64(group * 8)) & 0xFF)] * weight
                    }
                }
            }
        }
        var value: UInt64 = 0
        for bit in 0..<64 where sums[bit / 8][bit % 8] > 0 {
            value |= 1 << UInt64(bit)
        }
        return value
    }

    /// For each byte, eight lanes of +1 (bit j set) or -1 (clear).
    private static let signs: [SIMD8<Double>] = (0..<256).map { byte in
        var lanes = SIMD8<Double>(repeating: -1)
        for j in 0..<8 where (byte >> j) & 1 == 1 { lanes[j] = 1 }
        return lanes
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
