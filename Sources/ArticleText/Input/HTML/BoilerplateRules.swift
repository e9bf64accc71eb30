/// The class/id and tag rules that mark page furniture (navigation, share
/// bars, related and most-read lists, comments, ads) and article bodies,
/// read once from `NormaliseData/html-boilerplate.tsv`.
struct BoilerplateRules: Sendable {
    static let shared = BoilerplateRules()

    let dropTags: Set<String>
    let softDropTags: Set<String>
    private let tokens: Set<String>
    private let substrings: [[UInt8]]
    private let positives: [[UInt8]]
    private let keepClasses: Set<String>

    private init() {
        var dropTags = Set<String>()
        var softDropTags = Set<String>()
        var tokens = Set<String>()
        var substrings: [String] = []
        var positives: [String] = []
        var keepClasses = Set<String>()
        for row in ResourceTable.rows("html-boilerplate") where row.count == 2 {
            let value = String(row[1])
            switch row[0] {
            case "drop-tag": dropTags.insert(value)
            case "soft-drop-tag": softDropTags.insert(value)
            case "hint-token": tokens.insert(value)
            case "hint-substring": substrings.append(value)
            case "positive": positives.append(value)
            case "keep-class": keepClasses.insert(value)
            default: break
            }
        }
        self.dropTags = dropTags
        self.softDropTags = softDropTags
        self.tokens = tokens
        self.substrings = substrings.map { Array($0.utf8) }
        self.positives = positives.map { Array($0.utf8) }
        self.keepClasses = keepClasses
    }

    /// The element's class and id, lower-cased and joined, or nil when it has neither.
    static func names(_ node: HTMLNode) -> String? {
        let cls = node.attribute("class")
        let id = node.attribute("id")
        if cls == nil && id == nil { return nil }
        return ((cls ?? "") + " " + (id ?? "")).lowercased()
    }

    /// Whether the element's class or id marks it as furniture (worked out
    /// once per element).
    func isHinted(_ node: HTMLNode) -> Bool {
        if let hinted = node.hinted { return hinted }
        let hinted = judge(node)
        node.hinted = hinted
        return hinted
    }

    private func judge(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style"), Self.hidesByStyle(style) { return true }
        if let role = node.attribute("role")?.lowercased(),
            ["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog"].contains(role)
        {
            return true
        }
        guard let names = Self.names(node) else { return false }
        let bytes = Array(names.utf8)
        // Class names are ASCII almost always; there a grapheme cluster is a
        // byte, and splitting bytes gives what splitting Characters does.
        let ascii = bytes.allSatisfy { $0 < 0x80 }
        if ascii {
            if Self.asciiWords(bytes, separatedBy: { $0 == 0x20 }).contains(where: { keepClasses.contains($0) }) { return false }
        } else if names.split(separator: " ").contains(where: { keepClasses.contains(String($0)) }) {
            return false
        }
        if substrings.contains(where: { Self.contains(bytes, $0) }) { return true }
        let hasToken: Bool
        if ascii {
            hasToken = Self.asciiWords(bytes, separatedBy: { !Self.isASCIILetter($0) }).contains(where: { tokens.contains($0) })
        } else {
            hasToken = names.split(whereSeparator: { !$0.isLetter }).contains(where: { tokens.contains(String($0)) })
        }
        if hasToken {
            return !positives.contains(where: { Self.contains(bytes, $0) })
        }
        return false
    }

    /// An inline style that hides the element: `display:none` or
    /// `visibility:hidden`, case and spaces ignored.
    private static func hidesByStyle(_ style: String) -> Bool {
        guard style.utf8.allSatisfy({ $0 < 0x80 }) else {
            // Rare: compared by Character, where a combining mark after a
            // letter makes it another letter (no Foundation search).
            let squeezed = Array(style.lowercased().filter { $0 != " " })
            return [Self.displayNoneCharacters, Self.visibilityHiddenCharacters].contains { needle in
                squeezed.count >= needle.count
                    && (0...(squeezed.count - needle.count)).contains { squeezed[$0..<($0 + needle.count)].elementsEqual(needle) }
            }
        }
        var squeezed: [UInt8] = []
        squeezed.reserveCapacity(style.utf8.count)
        for b in style.utf8 where b != 0x20 { squeezed.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b) }
        return contains(squeezed, displayNone) || contains(squeezed, visibilityHidden)
    }

    private static let displayNone = Array("display:none".utf8)
    private static let visibilityHidden = Array("visibility:hidden".utf8)
    private static let displayNoneCharacters = Array("display:none")
    private static let visibilityHiddenCharacters = Array("visibility:hidden")

    /// The non-empty runs of `bytes` between separator bytes, as strings.
    private static func asciiWords(_ bytes: [UInt8], separatedBy isSeparator: (UInt8) -> Bool) -> [String] {
        bytes.split(whereSeparator: isSeparator).map { String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// Readability-style class weight: +25 for body-like names, -25 for furniture.
    func classWeight(_ node: HTMLNode) -> Double {
        guard let names = Self.names(node) else { return 0 }
        var weight = 0.0
        let bytes = Array(names.utf8)
        if positives.contains(where: { Self.contains(bytes, $0) }) { weight += 25 }
        if isHinted(node) { weight -= 25 }
        return weight
    }

    /// Byte substring search; class names are short, so a plain scan is fastest.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
