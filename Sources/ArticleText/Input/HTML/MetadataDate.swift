import Foundation

/// Reads a date stated in page metadata (`content="…"`, `datetime="…"`,
/// JSON-LD values, short date elements, URL paths) and writes it as ISO 8601,
/// as precise as the source: `2020-06-07` when only a date is given,
/// `2020-06-07T10:15:00` for a local time, `2020-06-07T10:15:00+03:00` or
/// `…Z` when an offset is stated. Accepts ISO forms with `-`, `/` or `.`,
/// compact `20200607`, Unix timestamps, RFC 1123 (`Sun, 07 Jun 2020 10:15:00
/// GMT`), day-first numeric dates and month-name dates in English and the
/// locales listed in `NormaliseData/html-months.tsv`. Ambiguous numeric
/// dates (`03/04/2020`) are not guessed: the result is nil.
enum MetadataDate {
    /// Words allowed between a date's parts ("2 de abril de 2020").
    static let connectors: Set<String> = Set(
        ResourceTable.rows("html-months").filter { $0.count == 2 && $0[0] == "connector" }.map { String($0[1]) }
    )

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        var locales: [String] = []
        for row in ResourceTable.rows("html-months") where row.count == 2 {
            if row[0] == "locale" {
                locales.append(String(row[1]))
            } else if row[0] == "connector" {
                continue
            } else if let month = Int(row[1]) {
                table[String(row[0])] = month
            }
        }
        for identifier in locales {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: identifier)
            let lists = [
                formatter.monthSymbols, formatter.standaloneMonthSymbols, formatter.shortMonthSymbols,
                formatter.shortStandaloneMonthSymbols,
            ]
            for list in lists where list.count == 12 {
                for (index, name) in list.enumerated() {
                    let key = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                    if key.count >= 3 && table[key] == nil { table[key] = index + 1 }
                }
            }
        }
        return table
    }()

    /// The ISO form of a metadata value, or nil when it holds no valid date.
    static func iso(_ value: String) -> String? {
        let text = Normaliser.machineDigits(value).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= 200 else { return nil }
        let tokens = DateTokens(text)
        if tokens.items.count == 1, case .number(let v, let digits) = tokens.items[0].kind {
            return compact(v, digits: digits)
        }
        return tokens.firstDate(withTime: true)
    }

    /// The first date in a short text (a date line, a byline), date only.
    static func find(in text: String) -> String? {
        let t = Normaliser.machineDigits(text)
        guard t.count <= 300 else { return nil }
        return DateTokens(t).firstDate(withTime: false)
    }

    /// A full date in a URL path (`/2020/06/07/`, `/2020-06-07-…`, `/20200607/`).
    static func fromURL(_ url: String) -> String? {
        guard url.utf8.count <= 2048 else { return nil }
        let tokens = DateTokens(url)
        let items = tokens.items
        for (i, item) in items.enumerated() {
            guard case .number(let y, 4) = item.kind, (1995...2035).contains(y) else {
                if case .number(let v, 8) = item.kind, let date = compact(v, digits: 8), date.hasPrefix("20") {
                    return date
                }
                continue
            }
            if i + 4 < items.count, case .symbol(let s1) = items[i + 1].kind, s1 == "/" || s1 == "-" || s1 == "_",
                case .number(let m, let md) = items[i + 2].kind, md <= 2,
                case .symbol(let s2) = items[i + 3].kind, s2 == s1,
                case .number(let d, let dd) = items[i + 4].kind, dd <= 2
            {
                if let date = DateTokens.date(y, m, d) { return date }
            }
        }
        return nil
    }

    /// Digits-only values: `20200607`, `20200607101500`, Unix seconds or milliseconds.
    private static func compact(_ v: Int, digits: Int) -> String? {
        switch digits {
        case 8:
            return DateTokens.date(v / 10000, (v / 100) % 100, v % 100)
        case 14:
            let day = v / 1_000_000
            guard let date = DateTokens.date(day / 10000, (day / 100) % 100, day % 100) else { return nil }
            let t = v % 1_000_000
            guard t / 10000 < 24, (t / 100) % 100 < 60, t % 100 < 61 else { return nil }
            return date + String(format: "T%02d:%02d:%02d", t / 10000, (t / 100) % 100, t % 100)
        case 10, 13:
            let seconds = digits == 13 ? v / 1000 : v
            guard (788_918_400...2_524_608_000).contains(seconds) else { return nil }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            guard let y = c.year, let mo = c.month, let d = c.day, let h = c.hour, let mi = c.minute, let s = c.second else { return nil }
            return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s)
        default:
            return nil
        }
    }
}
