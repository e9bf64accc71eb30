import Foundation

/// A labelled source line: "المصدر: وكالة الصحافة المستقلة", or the label on
/// its own line and the value on the next ("المصدر:" / "(أبوظبي - البيان)").
/// Labels from `ParseData/source-labels.txt`.
enum SourceLine {
    static let labels = LineTable(ParseTable.lines("source-labels"))

    /// Whether the line is a source label, and its value if on the same line.
    static func label(_ line: ArticleLine) -> (value: String?, isLabel: Bool) {
        guard line.wordCount <= 12, let entry = labels.opening(of: line.key) else { return (nil, false) }
        if line.key == entry { return (nil, true) }
        guard line.key.dropFirst(entry.count).first == ":" || line.key.dropFirst(entry.count).hasPrefix(" :"),
              let colon = line.text.firstIndex(of: ":") else { return (nil, false) }
        let value = line.text[line.text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (value.isEmpty ? nil : value, true)
    }

    /// The agency and dateline a source value names: "(أبوظبي - البيان)" is
    /// place and outlet; a value without parts is the agency as a whole.
    static func attribution(of value: String) -> Attribution {
        if let parts = Byline.attribution(value, requireKnown: true) { return parts }
        let inner = AgencyNames.trimmed(value)
        if let split = Byline.split(inner) {
            return Attribution(agency: split.second, dateline: split.first)
        }
        return Attribution(agency: inner.isEmpty ? nil : inner, dateline: nil)
    }
}
