/// A named entity found in an article's `text`. `text` is always exactly the
/// slice `start..<end` of the record's text, so a consumer can cut or
/// highlight it without checking; `name` holds the name as it is written on
/// its own when that differs from the slice (after the preposition لل, whose
/// second ل is the name's elided article: slice "لأمم المتحدة", name
/// "الأمم المتحدة"). `canonicalName` is the one to compare or link.
public struct Entity: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case person = "PERSON"
        case org = "ORG"
        case place = "PLACE"
        case event = "EVENT"
    }

    /// The mention as written: exactly the slice `start..<end` of `text`.
    public var text: String
    public var type: Kind
    /// Offsets in Unicode scalars (code points) into the record's `text`, end exclusive.
    public var start: Int
    public var end: Int
    /// Stable gazetteer id when the entity is known, e.g. `place:eg`.
    public var id: String?
    /// The name as written on its own when it differs from `text` (the article
    /// an "لل" elides, restored); `nil` when `text` is the name.
    public var name: String?

    /// The name to compare, group or link by: `name` when set, else `text`.
    public var canonicalName: String { name ?? text }

    public init(text: String, type: Kind, start: Int, end: Int, id: String? = nil, name: String? = nil) {
        self.text = text
        self.type = type
        self.start = start
        self.end = end
        self.id = id
        self.name = name == text ? nil : name
    }
}
