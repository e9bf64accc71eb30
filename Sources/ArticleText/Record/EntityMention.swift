/// One mention of an entity in the record's `text` (offsets in Unicode
/// scalars, end exclusive).
public struct EntityMention: Sendable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}
