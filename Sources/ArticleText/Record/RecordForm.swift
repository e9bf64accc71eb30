/// Which fields an encoded `ArticleRecord` carries and how its entities are
/// laid out. Schema versions differ only in these two choices, so the
/// pipeline maps each `(schema, version)` to a form and encodes through it.
public struct RecordForm: Sendable, Hashable {
    /// How `entities` is written.
    public enum EntityLayout: Sendable, Hashable {
        /// One item per mention: `{text, type, start, end, id}` (schema 1.x).
        case perMention
        /// One item per entity with all its mentions (schema 2.0): see `EntityGroup`.
        case groupedByEntity
    }

    /// The fields written, in this order; every one is always present.
    public var fields: [ArticleRecord.Field]
    public var entityLayout: EntityLayout

    public init(fields: [ArticleRecord.Field], entityLayout: EntityLayout) {
        self.fields = fields
        self.entityLayout = entityLayout
    }

    /// Every field, entities per mention: the in-memory record as it is.
    public static let full = RecordForm(fields: ArticleRecord.Field.allCases, entityLayout: .perMention)

    /// This form without `omitted`.
    public func removing(_ omitted: Set<ArticleRecord.Field>) -> RecordForm {
        RecordForm(fields: fields.filter { !omitted.contains($0) }, entityLayout: entityLayout)
    }
}
