/// One entity with every place it is mentioned: the `entities` item of
/// `article.enriched` 2.0. Grouping lets a consumer count and link entities
/// without regrouping per-mention items itself.
public struct EntityGroup: Sendable, Hashable, Codable {
    /// Stable gazetteer id; `nil` for an entity no gazetteer knows, which
    /// is then grouped by its type and exact text.
    public var id: String?
    /// Canonical name: the first mention's name (`Entity.canonicalName`),
    /// which differs from its `text` only after لل, where the elided article
    /// is restored; each mention's `text` is exactly its slice.
    public var text: String
    public var type: Entity.Kind
    /// Every mention, in text order; never empty.
    public var mentions: [EntityMention]

    public init(id: String?, text: String, type: Entity.Kind, mentions: [EntityMention]) {
        self.id = id
        self.text = text
        self.type = type
        self.mentions = mentions
    }

    private enum CodingKeys: String, CodingKey { case id, text, type, mentions }

    /// Writes `id` as `null` when unknown, as every record field does.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(text, forKey: .text)
        try c.encode(type, forKey: .type)
        try c.encode(mentions, forKey: .mentions)
    }

    /// Groups per-mention entities: by `id` when known, else by type and
    /// canonical name (so "للأمم المتحدة" and "الأمم المتحدة" are one entity); groups ordered by first mention, mentions by offset.
    /// A pure function of its input, so replays group identically.
    public static func grouping(_ entities: [Entity]) -> [EntityGroup] {
        let ordered = entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var groups: [EntityGroup] = []
        var index: [GroupKey: Int] = [:]
        for entity in ordered {
            let key = GroupKey(entity)
            let mention = EntityMention(text: entity.text, start: entity.start, end: entity.end)
            if let at = index[key] {
                groups[at].mentions.append(mention)
            } else {
                index[key] = groups.count
                groups.append(EntityGroup(id: entity.id, text: entity.canonicalName, type: entity.type, mentions: [mention]))
            }
        }
        return groups
    }

    private enum GroupKey: Hashable {
        case linked(String)
        case unlinked(Entity.Kind, String)

        init(_ entity: Entity) {
            if let id = entity.id {
                self = .linked(id)
            } else {
                self = .unlinked(entity.type, entity.canonicalName)
            }
        }
    }
}
