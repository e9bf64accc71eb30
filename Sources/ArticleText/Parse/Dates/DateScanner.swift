/// Finds calendar dates in a tokenised line: "13th, April 2024",
/// "أبريل 13, 2024", "24 نيسان / أبريل 2020", "7 / يوليو / 2015 م",
/// "2020/12/25", "26/ 7/ 2015", "2020-06-07T10:00:00+02:00",
/// "8. Mai 2020", "5 de mayo de 2020", "2020. június 7.", "2020年6月7日",
/// each with an optional time after it. Each pattern is a fixed, bounded
/// look-ahead from one token, so a scan is linear in the line's length.
/// Hijri dates are recognised and skipped: they are never the Gregorian
/// date a record carries (dual lines keep their Gregorian half).
enum DateScanner {
    struct Match: Sendable, Hashable {
        var start: Int
        var end: Int
        var date: StatedDate
    }

    private static let fillers: Set<String> = ["de", "del", "of", "the", "le", "el", "di", "du"]
    private static let ordinals: Set<String> = ["st", "nd", "rd", "th", "er", "eme", "e", "o", "a", "ste", "de", "te"]
    private static let yearMarks: Set<String> = ["ano", "año", "jahr", "г", "goda", "roku", "m", "م", "yil", "yılı"]
    private static let cjkYear: Set<String> = ["年", "년"]
    private static let cjkMonth: Set<String> = ["月", "월"]
    private static let cjkDay: Set<String> = ["日", "일"]

    /// All dates in `tokens`, left to right, not overlapping.
    static func scan(_ tokens: [Token]) -> [Match] {
        var matches: [Match] = []
        var i = 0
        while i < tokens.count {
            if let hit = matchAt(tokens, i) {
                matches.append(hit)
                i = max(hit.end, i + 1)
            } else if let skipped = hijriAt(tokens, i) {
                i = skipped
            } else {
                i += 1
            }
        }
        return matches
    }

    private static func matchAt(_ tokens: [Token], _ i: Int) -> Match? {
        guard let (date, end) = dayMonthYear(tokens, i) ?? monthDayYear(tokens, i) ?? yearMonthDay(tokens, i)
            ?? numeric(tokens, i) ?? cjk(tokens, i), date.isValid else { return nil }
        var full = date
        var stop = end
        if stop < tokens.count, tokens[stop].isWord, yearMarks.contains(tokens[stop].text) { stop += 1 }
        if let time = TimeOfDay.read(tokens, from: stop) {
            full.hour = time.hour
            full.minute = time.minute
            full.second = time.second
            full.offsetMinutes = time.offsetMinutes
            stop = time.end
        }
        return Match(start: i, end: stop, date: full)
    }

    // MARK: - Patterns

    /// D [ordinal] [sep] [de] Month [paired month] [sep] [de] Year
    private static func dayMonthYear(_ t: [Token], _ start: Int) -> (StatedDate, Int)? {
        guard let day = dayAt(t, start) else { return nil }
        var i = start + 1
        if i < t.count, t[i].isWord, !t[i].spaced, ordinals.contains(t[i].text) { i += 1 }
        i = skipSeparator(t, i)
        if i < t.count, t[i].isWord, fillers.contains(t[i].text) { i += 1 }
        guard let month = monthAt(t, i), !month.hijri else { return nil }
        i = month.end
        i = skipSeparator(t, i)
        if i < t.count, t[i].isWord, fillers.contains(t[i].text) { i += 1 }
        guard let year = yearAt(t, i) else { return nil }
        return (StatedDate(year: year, month: month.number, day: day), i + 1)
    }

    /// Month [paired month] D [ordinal] [,] Year
    private static func monthDayYear(_ t: [Token], _ start: Int) -> (StatedDate, Int)? {
        guard let month = monthAt(t, start), !month.hijri else { return nil }
        var i = skipSeparator(t, month.end)
        guard let day = dayAt(t, i) else { return nil }
        i += 1
        if i < t.count, t[i].isWord, !t[i].spaced, ordinals.contains(t[i].text) { i += 1 }
        i = skipSeparator(t, i)
        guard let year = yearAt(t, i) else { return nil }
        return (StatedDate(year: year, month: month.number, day: day), i + 1)
    }

    /// Year [.] Month D [.]  (Hungarian, some Asian and Baltic forms)
    private static func yearMonthDay(_ t: [Token], _ start: Int) -> (StatedDate, Int)? {
        guard let year = yearAt(t, start) else { return nil }
        var i = skipSeparator(t, start + 1)
        guard let month = monthAt(t, i), !month.hijri else { return nil }
        i = skipSeparator(t, month.end)
        guard let day = dayAt(t, i) else { return nil }
        return (StatedDate(year: year, month: month.number, day: day), i + 1)
    }

    /// Y-M-D, Y/M/D, D/M/Y, D.M.Y (and M/D/Y when the middle cannot be a month).
    private static func numeric(_ t: [Token], _ start: Int) -> (StatedDate, Int)? {
        guard start + 4 < t.count, t[start].isNumber, t[start + 2].isNumber, t[start + 4].isNumber,
              t[start + 1].isSymbol("/-."), t[start + 3].text == t[start + 1].text else { return nil }
        if start > 0, t[start - 1].isSymbol("/-.:"), !t[start].spaced { return nil }
        let a = t[start], b = t[start + 2], c = t[start + 4]
        guard b.digits <= 2 else { return nil }
        if start + 5 < t.count, t[start + 5].isSymbol("/-.:"), !t[start + 5].spaced,
           start + 6 < t.count, t[start + 6].isNumber, t[start + 5].text == t[start + 1].text { return nil }
        if a.digits == 4, c.digits <= 2 {
            return (StatedDate(year: a.value, month: b.value, day: c.value), start + 5)
        }
        guard a.digits <= 2, c.digits == 4 else { return nil }
        if b.value > 12, a.value <= 12 {
            return (StatedDate(year: c.value, month: a.value, day: b.value), start + 5)
        }
        return (StatedDate(year: c.value, month: b.value, day: a.value), start + 5)
    }

    /// 2020年6月7日, 2020년 6월 7일
    private static func cjk(_ t: [Token], _ start: Int) -> (StatedDate, Int)? {
        guard start + 5 < t.count, t[start].isNumber, t[start].digits == 4, cjkYear.contains(t[start + 1].text),
              t[start + 2].isNumber, cjkMonth.contains(t[start + 3].text), t[start + 4].isNumber,
              cjkDay.contains(t[start + 5].text) else { return nil }
        return (StatedDate(year: t[start].value, month: t[start + 2].value, day: t[start + 4].value), start + 6)
    }

    /// "25 شوال 1436 هـ": skipped whole so its numbers start no other date.
    private static func hijriAt(_ t: [Token], _ start: Int) -> Int? {
        guard dayAt(t, start) != nil else { return nil }
        let i = skipSeparator(t, start + 1)
        guard let month = monthAt(t, i), month.hijri else { return nil }
        let y = skipSeparator(t, month.end)
        return y < t.count && t[y].isNumber ? y + 1 : month.end
    }

    // MARK: - Pieces

    private static func dayAt(_ t: [Token], _ i: Int) -> Int? {
        guard i < t.count, t[i].isNumber, t[i].digits <= 2, (1...31).contains(t[i].value) else { return nil }
        return t[i].value
    }

    private static func yearAt(_ t: [Token], _ i: Int) -> Int? {
        guard i < t.count, t[i].isNumber, t[i].digits == 4 else { return nil }
        if i + 1 < t.count, t[i + 1].isSymbol(":"), !t[i + 1].spaced { return nil }
        return t[i].value
    }

    /// A month name, with an optional trailing "." and an optional paired
    /// name of the same month: "نيسان / أبريل", "أبريل (نيسان)", "آب/اغسطس".
    private static func monthAt(_ t: [Token], _ i: Int) -> (number: Int, hijri: Bool, end: Int)? {
        guard i < t.count, t[i].isWord, let hit = MonthNames.table.match(t, at: i) else { return nil }
        var end = i + hit.length
        if end < t.count, t[end].isSymbol("."), !t[end].spaced { end += 1 }
        var j = end
        var opened = false
        if j < t.count, t[j].isSymbol("/(-–") {
            opened = t[j].text == "("
            j += 1
        }
        if let pair = MonthNames.table.match(t, at: j), pair.value.number == hit.value.number,
           pair.value.hijri == hit.value.hijri {
            end = j + pair.length
            if opened, end < t.count, t[end].isSymbol(")") { end += 1 }
        }
        return (hit.value.number, hit.value.hijri, end)
    }

    private static func skipSeparator(_ t: [Token], _ i: Int) -> Int {
        i < t.count && t[i].isSymbol(",،./-–") ? i + 1 : i
    }
}
