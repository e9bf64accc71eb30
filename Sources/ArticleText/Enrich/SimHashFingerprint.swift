import Foundation

/// A 64-bit SimHash of the article, as 16 hex digits: republished rewrites of
/// one story land a few bits apart, different stories about half the bits
/// apart. Features are the folded, lightly stemmed content words (stop words of
/// every known language dropped) and their two-word shingles, each weighted
/// 1 + ln(count) and hashed with FNV-1a 64. Word features carry rewrites that
/// reorder sentences; the shingles keep unrelated texts that share words apart.
/// On the corpus (parsed articles) the labelled near-duplicate groups are at
/// most 15 bits apart and every other pair at least 20, hence a threshold of 17.
enum SimHashFingerprint: EnrichmentStep {
    static let shingleSize = 2
    static let shingleWeight = 1.0
    /// Hamming distance at or under which two fingerprints count as the same story.
    static let nearDuplicateThreshold = 17

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        result.fingerprint = Fingerprint(simhash: hex(simhash(input)))
    }

    static func simhash(_ input: EnrichInput) -> UInt64 {
        let words = input.tokens.indices.compactMap { index -> String? in
            let token = input.tokens[index]
            guard token.kind == .word || token.kind == .number else { return nil }
            guard token.folded.unicodeScalars.count >= 2, !StopWords.contains(token.folded, language: nil) else { return nil }
            return input.keys[index]
        }
        guard !words.isEmpty else { return 0 }
        var features: [String: Double] = [:]
        for word in words { features[word, default: 0] += 1 }
        if shingleSize > 1, words.count >= shingleSize {
            for start in 0...(words.count - shingleSize) {
                features[words[start..<(start + shingleSize)].joined(separator: " "), default: 0] += shingleWeight
            }
        }
        var weights = [Double](repeating: 0, count: 64)
        for (feature, count) in features {
            let weight = 1 + log(count)
            let h = FNV1a.hash(feature)
            for bit in 0..<64 {
                weights[bit] += (h >> UInt64(bit)) & 1 == 1 ? weight : -weight
            }
        }
        var value: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 {
            value |= 1 << UInt64(bit)
        }
        return value
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
