import Foundation

/// Relative times ("منذ ساعتين", "منذ 3 ساعات", "أمس", "2 hours ago",
/// "yesterday") and their resolution against the message's timestamp, never
/// the wall clock, so replays agree. Words from `ParseData/relative-words.tsv`
/// and `relative-triggers.tsv`.
enum RelativeDate {
    enum Unit: String, Sendable, Hashable {
        case minute, hour, day, week

        var seconds: Int {
            switch self {
            case .minute: 60
            case .hour: 3600
            case .day: 86_400
            case .week: 604_800
            }
        }
    }

    struct Word: Sendable, Hashable {
        var unit: Unit
        var count: Int
        var standalone: Bool
    }

    struct Match: Sendable, Hashable {
        var start: Int
        var end: Int
        var unit: Unit
        var count: Int
    }

    static let words: PhraseTable<Word> = PhraseTable(
        ParseTable.rows("relative-words", "tsv").compactMap { row in
            guard row.count >= 4, let unit = Unit(rawValue: row[1]), let count = Int(row[2]) else { return nil }
            return (row[0], Word(unit: unit, count: count, standalone: row[3] == "alone"))
        }
    )

    static let triggers: PhraseTable<Bool> = PhraseTable(
        ParseTable.rows("relative-triggers", "tsv").compactMap { row in
            row.count >= 2 ? (row[0], row[1] == "after") : nil
        }
    )

    /// Relative expressions in `tokens`, left to right.
    static func scan(_ tokens: [Token]) -> [Match] {
        var found: [Match] = []
        var i = 0
        while i < tokens.count {
            if let hit = matchAt(tokens, i) {
                found.append(hit)
                i = hit.end
            } else {
                i += 1
            }
        }
        return found
    }

    private static func matchAt(_ t: [Token], _ i: Int) -> Match? {
        if let trigger = triggers.match(t, at: i), trigger.value == false {
            var j = i + trigger.length
            var count: Int?
            if j < t.count, t[j].isNumber, t[j].digits <= 3 {
                count = t[j].value
                j += 1
            }
            guard let word = words.match(t, at: j), !word.value.standalone else { return nil }
            let n = word.value.count == 0 ? count : (count ?? word.value.count)
            guard let n else { return nil }
            return Match(start: i, end: j + word.length, unit: word.value.unit, count: n)
        }
        if t[i].isNumber, t[i].digits <= 3, let word = words.match(t, at: i + 1), !word.value.standalone,
           let after = triggers.match(t, at: i + 1 + word.length), after.value {
            return Match(start: i, end: i + 1 + word.length + after.length, unit: word.value.unit, count: t[i].value)
        }
        if let word = words.match(t, at: i), word.value.standalone {
            return Match(start: i, end: i + word.length, unit: word.value.unit, count: word.value.count)
        }
        return nil
    }

    /// The ISO 8601 form of `match` counted back from `reference`: a date and
    /// time for minutes and hours, a date for days and weeks.
    static func resolve(_ match: Match, reference: Date, timeZone: TimeZone?) -> String {
        let zone = timeZone ?? TimeZone(identifier: "UTC") ?? TimeZone.current
        let instant = reference.addingTimeInterval(-Double(match.count * match.unit.seconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        var stated = StatedDate(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
        if match.unit == .minute || match.unit == .hour {
            stated.hour = c.hour
            stated.minute = c.minute
            stated.second = c.second
            stated.offsetMinutes = zone.secondsFromGMT(for: instant) / 60
        }
        return stated.iso(timeZone: zone)
    }
}
