/// A named entity found in an article's `text`.
public struct Entity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person = "PERSON"
        case org = "ORG"
        case place = "PLACE"
        case event = "EVENT"
    }

    public var text: String
    public var type: Kind
    /// Offsets in Unicode scalars (code points) into the record's `text`, end exclusive.
    public var start: Int
    public var end: Int
    /// Stable gazetteer id when the entity is known, e.g. `place:eg`.
    public var id: String?

    public init(text: String, type: Kind, start: Int, end: Int, id: String? = nil) {
        self.text = text
        self.type = type
        self.start = start
        self.end = end
        self.id = id
    }
}
