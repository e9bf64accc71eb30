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

    /// Whether the element's class or id marks it as furniture.
    func isHinted(_ node: HTMLNode) -> Bool {
        if node.attribute("hidden") != nil || node.attribute("aria-hidden") == "true" { return true }
        if let style = node.attribute("style")?.lowercased().filter({ $0 != " " }),
            style.contains("display:none") || style.contains("visibility:hidden")
        {
            return true
        }
        if let role = node.attribute("role")?.lowercased(),
            ["navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search", "dialog"].contains(role)
        {
            return true
        }
        guard let names = Self.names(node) else { return false }
        let classNames = names.split(separator: " ")
        if classNames.contains(where: { keepClasses.contains(String($0)) }) { return false }
        let bytes = Array(names.utf8)
        if substrings.contains(where: { Self.contains(bytes, $0) }) { return true }
        let words = names.split(whereSeparator: { !$0.isLetter })
        if words.contains(where: { tokens.contains(String($0)) }) {
            return !positives.contains(where: { Self.contains(bytes, $0) })
        }
        return false
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
