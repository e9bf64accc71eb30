/// An IPTC media-topic top-level subject with its score in 0...1.
public struct TopicScore: Sendable, Hashable, Codable {
    /// IPTC media-topic code, e.g. `medtop:11000000` (politics).
    public var code: String
    /// Readable English label, e.g. `politics`.
    public var label: String
    public var score: Double

    public init(code: String, label: String, score: Double) {
        self.code = code
        self.label = label
        self.score = score
    }
}
