/// Month names of every regional set the parser knows: CLDR's Gregorian
/// names for ~60 locales (Egyptian/Gulf, Levantine/Iraqi, Maghrebi and
/// Moroccan Arabic among them) plus hand-kept spellings and the Hijri months,
/// from `ParseData/months-gregorian.tsv` and `months-extra.tsv`.
enum MonthNames {
    struct Month: Sendable, Hashable {
        var number: Int
        var hijri: Bool
    }

    static let table: PhraseTable<Month> = {
        var pairs: [(phrase: String, value: Month)] = []
        for row in ParseTable.rows("months-extra", "tsv") where row.count >= 3 {
            guard let number = Int(row[1]) else { continue }
            pairs.append((row[0], Month(number: number, hijri: row[2] == "hijri")))
        }
        for row in ParseTable.rows("months-gregorian", "tsv") where row.count >= 2 {
            guard let number = Int(row[1]) else { continue }
            pairs.append((row[0], Month(number: number, hijri: false)))
        }
        return PhraseTable(pairs)
    }()
}
