/// Short byline and dateline lines that pair a place with an agency or
/// outlet: "الرياض - الوئام :", "سبق- أبها", "أبهــا-الوئام:", "واس – جدة:",
/// "عكاظ (مكة المكرمة)", "Hindustan Times, Bhubaneswar", "القاهرة: السيد سليمان".
/// The part found in the agency list is the agency; the other is the dateline.
enum Byline {
    /// Splits "A - B", "A (B)", "A: B", "A, B" into its two parts.
    static func split(_ text: String) -> (first: String, second: String, separator: Character)? {
        if let open = text.firstIndex(of: "("), let close = text[open...].firstIndex(of: ")") {
            let outside = AgencyNames.trimmed(text[..<open] + " " + text[text.index(after: close)...])
            let inside = AgencyNames.trimmed(text[text.index(after: open)..<close])
            if !inside.isEmpty, !outside.isEmpty { return (outside, inside, "(") }
        }
        for separator: Character in ["-", "–", "—", ":", ",", "،"] {
            guard let at = text.firstIndex(of: separator) else { continue }
            let a = AgencyNames.trimmed(text[..<at])
            let b = AgencyNames.trimmed(text[text.index(after: at)...])
            if !a.isEmpty, !b.isEmpty { return (a, b, separator) }
        }
        return nil
    }

    /// The attribution of a short byline line. With `requireKnown`, only
    /// when one part is a known agency; otherwise a line of two short parts
    /// yields its place ("القاهرة: السيد سليمان" → القاهرة).
    static func attribution(_ text: String, requireKnown: Bool) -> Attribution? {
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        guard words <= 8 else { return nil }
        if AgencyNames.isKnown(text) { return Attribution(agency: AgencyNames.trimmed(text), dateline: nil) }
        guard let parts = split(text) else { return nil }
        let firstWords = parts.first.split(separator: " ").count
        let secondWords = parts.second.split(separator: " ").count
        guard firstWords <= 4, secondWords <= 4 else { return nil }
        if AgencyNames.isKnown(parts.first) {
            return Attribution(agency: parts.first, dateline: parts.second.isEmpty ? nil : parts.second)
        }
        if AgencyNames.isKnown(parts.second) {
            return Attribution(agency: parts.second, dateline: parts.first.isEmpty ? nil : parts.first)
        }
        if requireKnown || parts.separator == "(" || parts.separator == "," || parts.separator == "،" { return nil }
        // "الوزير بلينكن: صباح الخير جميعا." is a speaker and what was said.
        if parts.separator == ":", SegmentParser.endsSentence(text) { return nil }
        return Attribution(agency: nil, dateline: parts.separator == ":" ? parts.first : parts.second)
    }
}
