/// Phrases that label a date as the publication or the update date
/// ("تاريخ النشر", "آخر تحديث", "Posted", "Updated"), from
/// `ParseData/date-labels.tsv`.
enum DateLabels {
    enum Kind: Sendable, Hashable {
        case published
        case updated
    }

    static let table: PhraseTable<Kind> = PhraseTable(
        ParseTable.rows("date-labels", "tsv").compactMap { row in
            guard row.count >= 2 else { return nil }
            return (row[0], row[1] == "updated" ? Kind.updated : Kind.published)
        }
    )
}
