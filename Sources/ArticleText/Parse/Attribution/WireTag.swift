import Foundation

/// Agency tags and datelines at the start or end of the body:
/// "القاهرة (رويترز) -", "(CNN) --", "المستقلة/-", "المدينة نيوز :-",
/// "PARIS, April 8 —" at the start; "--(بترا)", "— AFP", "© 2020 Reuters"
/// at the end.
enum WireTag {
    /// The attribution stated at the opening of the first body paragraph.
    static func opening(_ paragraph: String) -> Attribution? {
        let head = String(paragraph.prefix(120))
        if let open = head.firstIndex(of: "("), let close = head[open...].firstIndex(of: ")") {
            let inside = head[head.index(after: open)..<close]
            let after = head[head.index(after: close)...].trimmingCharacters(in: .whitespaces)
            let before = AgencyNames.trimmed(head[..<open])
            if after.first.map({ "-–—:".contains($0) }) ?? false,
               AgencyNames.isKnown(inside) || isCreditShaped(inside, before: before) {
                let place = datelinePlace(before)
                return Attribution(agency: AgencyNames.trimmed(inside), dateline: place?.isEmpty == false ? place : nil)
            }
        }
        for marker in ["/-", ":-", "/ -", ": -"] {
            guard let range = ByteSearch.first(marker, in: head) else { continue }
            let before = AgencyNames.trimmed(head[..<range.lowerBound])
            guard !before.isEmpty, before.split(separator: " ").count <= 4 else { continue }
            // "المدينة نيوز :-" names the outlet; "المستقلة/-" is the dateline form.
            if marker.hasPrefix(":"), AgencyNames.isKnown(before) { return Attribution(outlet: before) }
            return Attribution(agency: nil, dateline: before)
        }
        for dash in [" — ", " – ", " -- "] {
            guard let range = ByteSearch.first(dash, in: head) else { continue }
            let before = head[..<range.lowerBound]
            guard before.split(separator: " ").count <= 6, let comma = before.firstIndex(of: ",") else { continue }
            let place = AgencyNames.trimmed(before[..<comma])
            if !place.isEmpty, place.split(separator: " ").count <= 3, place.first?.isUppercase == true {
                return Attribution(agency: nil, dateline: place)
            }
        }
        return nil
    }

    /// "Washington, DC (STL.News) –": a bracketed name the list does not
    /// know still credits the text when it opens the paragraph after a short
    /// capitalised place, is one to three words and starts with a capital.
    static func isCreditShaped(_ inside: Substring, before: String) -> Bool {
        let words = inside.split(separator: " ")
        let placeWords = before.split(separator: " ")
        return (1...3).contains(words.count) && inside.first?.isUppercase == true
            && (1...4).contains(placeWords.count) && before.first?.isUppercase == true
    }

    /// The place of a dateline: the part before its first comma, unless what
    /// follows the comma is a short abbreviation ("Washington, DC", "Austin,
    /// Texas" stays "Austin").
    static func datelinePlace(_ before: String) -> String? {
        let parts = before.split(separator: ",", maxSplits: 1).map { AgencyNames.trimmed($0) }
        guard let first = parts.first else { return nil }
        if parts.count == 2, parts[1].count <= 4, parts[1].allSatisfy({ $0.isUppercase || $0 == "." }) {
            return first + ", " + parts[1]
        }
        return first
    }

    /// The agency credited by a closing line or paragraph ending.
    static func closing(_ full: String) -> String? {
        let text = String(full.suffix(80))
        let trimmed = AgencyNames.trimmed(text)
        if full.hasPrefix("©") {
            // "© 2020 Reuters", "© Thomson Reuters 2020": years on either side;
            // a wire's name may end the owner's ("Thomson Reuters" → Reuters).
            let isYear: (Character) -> Bool = { $0.isNumber || $0.isWhitespace || $0 == "©" || $0 == "-" }
            let owner = AgencyNames.trimmed(String(trimmed.drop(while: isYear).reversed().drop(while: isYear).reversed()))
            if AgencyNames.isKnown(owner) { return owner }
            let words = owner.split(separator: " ")
            guard words.count <= 3 else { return nil }
            for drop in 1..<max(words.count, 1) {
                let tail = words.dropFirst(drop).joined(separator: " ")
                if AgencyNames.isKnown(tail) { return tail }
            }
            return nil
        }
        if trimmed.split(separator: " ").count <= 4, AgencyNames.isKnown(trimmed) { return trimmed }
        for marker in [" — ", " – ", "--", " - ", "("] {
            guard let range = ByteSearch.last(marker, in: text) else { continue }
            let tail = AgencyNames.trimmed(text[range.upperBound...])
            if !tail.isEmpty, tail.split(separator: " ").count <= 3, AgencyNames.isKnown(tail) { return tail }
        }
        return nil
    }
}
