/// A quotation and, where the sentence names one, its speaker.
public struct Quote: Sendable, Hashable, Codable {
    public var text: String
    public var speaker: String?
    /// Offsets in Unicode scalars into the record's `text`, end exclusive.
    public var start: Int
    public var end: Int

    public init(text: String, speaker: String?, start: Int, end: Int) {
        self.text = text
        self.speaker = speaker
        self.start = start
        self.end = end
    }
}
