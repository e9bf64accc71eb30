/// Reads a time of day after a date: "09:23 ص", "11:39 PM MYT",
/// "T10:00:00+02:00", "5:04 pm", "1:59 صباحًا", with AM/PM words and zone
/// names from `ParseData/meridiem.tsv` and `time-zones.tsv`.
enum TimeOfDay {
    struct Reading: Sendable, Hashable {
        var end: Int
        var hour: Int
        var minute: Int
        var second: Int?
        var offsetMinutes: Int?
    }

    static let meridiem: PhraseTable<Bool> = PhraseTable(
        ParseTable.rows("meridiem", "tsv").compactMap { row in
            row.count >= 2 ? (row[0], row[1] == "pm") : nil
        }
    )

    static let zones: PhraseTable<Int> = PhraseTable(
        ParseTable.rows("time-zones", "tsv").compactMap { row in
            guard row.count >= 2, let minutes = offsetMinutes(row[1]) else { return nil }
            return (row[0], minutes)
        }
    )

    /// Words allowed between a date and its time ("at", "الساعة", "T", "-").
    private static let connectors: Set<String> = ["at", "t", "الساعه", "الساعة", "في", "um", "a", "as", "alle", "klo", "saat", "в", "o", "à", "h", "kl", "om"]

    /// A time starting at most three connector tokens after `start`.
    static func read(_ tokens: [Token], from start: Int) -> Reading? {
        var i = start
        var skipped = 0
        while i < tokens.count, skipped < 3, !tokens[i].isNumber {
            let token = tokens[i]
            guard token.isSymbol(",،-–—|/") || (token.isWord && connectors.contains(token.text)) else { return nil }
            i += 1
            skipped += 1
        }
        guard i + 2 < tokens.count, tokens[i].isNumber, tokens[i].digits <= 2, tokens[i + 1].isSymbol(":"),
              tokens[i + 2].isNumber, tokens[i + 2].digits == 2 else { return nil }
        var hour = tokens[i].value
        let minute = tokens[i + 2].value
        guard hour <= 23, minute <= 59 else { return nil }
        var end = i + 3
        var second: Int?
        if end + 1 < tokens.count, tokens[end].isSymbol(":"), tokens[end + 1].isNumber, tokens[end + 1].digits == 2,
           tokens[end + 1].value <= 60 {
            second = tokens[end + 1].value
            end += 2
            if end + 1 < tokens.count, tokens[end].isSymbol("."), tokens[end + 1].isNumber { end += 2 }
        }
        if let pm = meridiemAt(tokens, end) {
            if pm.isPM, hour < 12 { hour += 12 }
            if !pm.isPM, hour == 12 { hour = 0 }
            end += pm.length
        }
        var offset: Int?
        if let zone = zones.match(tokens, at: end) {
            offset = zone.value
            end += zone.length
        }
        if end < tokens.count, tokens[end].isSymbol("+-−"), let explicit = explicitOffset(tokens, end + 1) {
            offset = tokens[end].text == "+" ? explicit.minutes : -explicit.minutes
            end = explicit.end
        }
        return Reading(end: end, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    private static func meridiemAt(_ tokens: [Token], _ i: Int) -> (isPM: Bool, length: Int)? {
        guard i < tokens.count, tokens[i].isWord else { return nil }
        if i + 2 < tokens.count, tokens[i].text == "a" || tokens[i].text == "p", tokens[i + 1].isSymbol("."),
           tokens[i + 2].text == "m" {
            let length = i + 3 < tokens.count && tokens[i + 3].isSymbol(".") ? 4 : 3
            return (tokens[i].text == "p", length)
        }
        guard let hit = meridiem.match(tokens, at: i) else { return nil }
        return (hit.value, hit.length)
    }

    private static func explicitOffset(_ tokens: [Token], _ i: Int) -> (minutes: Int, end: Int)? {
        guard i < tokens.count, tokens[i].isNumber else { return nil }
        let first = tokens[i]
        if first.digits == 4 {
            let minutes = (first.value / 100) * 60 + first.value % 100
            return minutes <= 14 * 60 ? (minutes, i + 1) : nil
        }
        guard first.digits <= 2, first.value <= 14 else { return nil }
        if i + 2 < tokens.count, tokens[i + 1].isSymbol(":"), tokens[i + 2].isNumber, tokens[i + 2].digits == 2 {
            return (first.value * 60 + tokens[i + 2].value, i + 3)
        }
        return (first.value * 60, i + 1)
    }

    static func offsetMinutes(_ text: String) -> Int? {
        let sign = text.hasPrefix("-") ? -1 : 1
        let parts = text.dropFirst().split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        return sign * (h * 60 + m)
    }
}
