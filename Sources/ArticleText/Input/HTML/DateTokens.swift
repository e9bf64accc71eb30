import Foundation

/// A date string cut into numbers, words and single symbols, and the shape
/// matching `MetadataDate` runs over them. No regular expressions: a short
/// scan per token keeps it linear on any input.
struct DateTokens {
    enum Kind: Equatable {
        case number(Int, Int)
        case word(String)
        case symbol(Character)
    }

    struct Item {
        var kind: Kind
        /// Whether whitespace came before this token.
        var spaced: Bool
    }

    private(set) var items: [Item] = []

    init(_ text: String) {
        var number = 0
        var digits = 0
        var word = ""
        var spaced = false
        func flush() {
            if digits > 0 {
                items.append(Item(kind: .number(digits >= 18 ? Int.max : number, digits), spaced: spaced))
                spaced = false
            } else if !word.isEmpty {
                items.append(Item(kind: .word(word.lowercased()), spaced: spaced))
                spaced = false
            }
            number = 0
            digits = 0
            word = ""
        }
        for ch in text {
            if let d = ch.wholeNumberValue, ch.isASCII {
                if !word.isEmpty { flush() }
                if digits < 18 { number = number * 10 + d }
                digits += 1
            } else if ch.isLetter {
                if digits > 0 { flush() }
                word.append(ch)
            } else {
                flush()
                if ch.isWhitespace {
                    spaced = true
                } else {
                    items.append(Item(kind: .symbol(ch), spaced: spaced))
                    spaced = false
                }
            }
            if items.count > 400 { break }
        }
        flush()
    }

    /// The first date the tokens state, with its time and offset when
    /// `withTime` is set and they are given.
    func firstDate(withTime: Bool) -> String? {
        var i = 0
        while i < items.count {
            if let found = dateAt(i, withTime: withTime) { return found }
            i += 1
        }
        return nil
    }

    private func number(_ i: Int) -> (value: Int, digits: Int)? {
        guard i < items.count, case .number(let v, let d) = items[i].kind else { return nil }
        return (v, d)
    }

    private func symbol(_ i: Int) -> Character? {
        guard i < items.count, case .symbol(let c) = items[i].kind else { return nil }
        return c
    }

    private func month(_ i: Int) -> Int? {
        guard i < items.count, case .word(let w) = items[i].kind else { return nil }
        return MetadataDate.months[w]
    }

    private func isConnector(_ i: Int) -> Bool {
        guard i < items.count, case .word(let w) = items[i].kind else { return false }
        return MetadataDate.connectors.contains(w)
    }

    private func dateAt(_ i: Int, withTime: Bool) -> String? {
        if let (y, yd) = number(i), yd == 4, let s1 = symbol(i + 1), "-/.".contains(s1),
            let (m, md) = number(i + 2), md <= 2, symbol(i + 3) == s1, let (d, dd) = number(i + 4), dd <= 2
        {
            guard let date = Self.date(y, m, d) else { return nil }
            return withTime ? date + (time(at: i + 5, allowT: true) ?? "") : date
        }
        if let (a, ad) = number(i), ad <= 2, let s1 = symbol(i + 1), "-/.".contains(s1),
            let (b, bd) = number(i + 2), bd <= 2, symbol(i + 3) == s1, let (y, yd) = number(i + 4), yd == 4
        {
            let dayFirst: Bool
            if a > 12 {
                dayFirst = true
            } else if b > 12 {
                dayFirst = false
            } else if s1 == "." || s1 == "-" {
                dayFirst = true
            } else {
                return nil
            }
            let date = dayFirst ? Self.date(y, b, a) : Self.date(y, a, b)
            guard let date else { return nil }
            return withTime ? date + (time(at: i + 5, allowT: false) ?? "") : date
        }
        // 7 June 2020, 7. Juni 2020, 2 de abril de 2020, 07 Jun 2020 10:15:00 GMT
        if let (d, dd) = number(i), dd <= 2 {
            var k = i + 1
            if symbol(k) == "." { k += 1 }
            if isConnector(k) { k += 1 }
            if let m = month(k) {
                k += 1
                if symbol(k) == "," || symbol(k) == "." { k += 1 }
                if isConnector(k) { k += 1 }
                if let (y, yd) = number(k), yd == 4, let date = Self.date(y, m, d) {
                    return withTime ? date + (time(at: k + 1, allowT: false, needsZone: true) ?? "") : date
                }
            }
        }
        // June 7, 2020; Jun 7th 2020
        if let m = month(i), let (d, dd) = number(i + 1), dd <= 2 {
            var k = i + 2
            if case .word(let w) = items[safe: k]?.kind, ["st", "nd", "rd", "th"].contains(w) { k += 1 }
            if symbol(k) == "," || symbol(k) == "." { k += 1 }
            if let (y, yd) = number(k), yd == 4, let date = Self.date(y, m, d) {
                return withTime ? date + (time(at: k + 1, allowT: false, needsZone: true) ?? "") : date
            }
        }
        return nil
    }

    /// `Thh:mm[:ss[.fff]][Z|±hh[:mm]| GMT]` starting at token `i`, as ISO text.
    private func time(at start: Int, allowT: Bool, needsZone: Bool = false) -> String? {
        var i = start
        if case .word(let w) = items[safe: i]?.kind {
            guard allowT, w.hasPrefix("t") else { return nil }
            // "T10" tokenizes as the word "t" followed by the number.
            guard w == "t" else { return nil }
            i += 1
        }
        guard let (h, hd) = number(i), hd <= 2, h < 24, symbol(i + 1) == ":", let (mi, mid) = number(i + 2), mid == 2, mi < 60 else {
            return nil
        }
        var s = 0
        i += 3
        if symbol(i) == ":", let (sv, sd) = number(i + 1), sd <= 2, sv <= 60 {
            s = sv
            i += 2
            if symbol(i) == ".", number(i + 1) != nil { i += 2 }
        }
        var hour = h
        if case .word(let w) = items[safe: i]?.kind, w == "am" || w == "pm" {
            if w == "pm" && hour < 12 { hour += 12 }
            if w == "am" && hour == 12 { hour = 0 }
            i += 1
        }
        let clock = String(format: "T%02d:%02d:%02d", hour, mi, s)
        if let zone = zone(at: i) { return clock + zone }
        return needsZone ? nil : clock
    }

    private func zone(at i: Int) -> String? {
        if case .word(let w) = items[safe: i]?.kind {
            if w == "z" || w == "gmt" || w == "utc" {
                if let offset = numericOffset(at: i + 1) { return offset }
                return "Z"
            }
            return nil
        }
        return numericOffset(at: i)
    }

    private func numericOffset(at i: Int) -> String? {
        guard let sign = symbol(i), sign == "+" || sign == "-" || sign == "\u{2212}", let (v, d) = number(i + 1) else { return nil }
        var hours = 0
        var minutes = 0
        if d == 4 {
            hours = v / 100
            minutes = v % 100
        } else if d <= 2 {
            hours = v
            if symbol(i + 2) == ":", let (m, md) = number(i + 3), md == 2 { minutes = m }
        } else {
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "+" ? "+" : "-") + String(format: "%02d:%02d", hours, minutes)
    }

    /// `yyyy-mm-dd` for a real calendar date between 1900 and 2100, else nil.
    static func date(_ y: Int, _ m: Int, _ d: Int) -> String? {
        guard (1900...2100).contains(y), (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= lengths[m - 1] else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
