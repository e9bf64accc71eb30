/// A number in the text and what it counts ("1800 مشارك" → 1800, "مشارك").
public struct NumberMention: Sendable, Hashable, Codable {
    public var text: String
    public var value: Double
    /// The counted noun, when one follows or precedes the number.
    public var unit: String?
    public var start: Int
    public var end: Int

    public init(text: String, value: Double, unit: String?, start: Int, end: Int) {
        self.text = text
        self.value = value
        self.unit = unit
        self.start = start
        self.end = end
    }
}
