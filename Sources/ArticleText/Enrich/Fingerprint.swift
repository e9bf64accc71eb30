/// Near-duplicate fingerprint of an article.
public struct Fingerprint: Sendable, Hashable, Codable {
    /// 64-bit SimHash over folded word shingles, as 16 lower-case hex digits.
    public var simhash: String

    public init(simhash: String) {
        self.simhash = simhash
    }
}
