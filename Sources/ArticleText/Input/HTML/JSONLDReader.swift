import Foundation

/// Reads schema.org JSON-LD blocks (`<script type="application/ld+json">`):
/// finds the article object (`NewsArticle`, `Article`, `BlogPosting` and
/// kin, also inside `@graph` and arrays) and takes its headline, dates,
/// publisher, author, language and URL. Real pages often carry JSON-LD with
/// raw line breaks, HTML comment wrappers or trailing junk; the reader
/// cleans what it can and, when the block still does not parse, falls back
/// to reading `"datePublished": "…"` style pairs directly.
struct JSONLDReader {
    struct Article {
        var headline: String?
        var datePublished: String?
        var dateModified: String?
        var publisher: String?
        var author: String?
        var language: String?
        var url: String?
    }

    private static let articleTypes: Set<String> = [
        "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "socialmediaposting", "scholarlyarticle", "techarticle", "report", "posting",
    ]
    private static let pageTypes: Set<String> = ["webpage", "itempage", "mediaobject", "videoobject"]

    /// The best article description across all blocks: an article type wins
    /// over a web page; the first of each kind wins.
    static func read(_ blocks: [String]) -> Article? {
        var article: Article?
        var page: Article?
        for block in blocks {
            if let json = parse(block) {
                visit(json, article: &article, page: &page)
            } else if article == nil, let scanned = scan(block) {
                article = scanned
            }
        }
        return article ?? page
    }

    private static func parse(_ block: String) -> Any? {
        var text = trimmed(block)
        for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] where text.hasPrefix(wrapper) {
            text.removeFirst(wrapper.count)
        }
        for wrapper in ["-->", "//]]>", "]]>"] where text.hasSuffix(wrapper) {
            text.removeLast(wrapper.count)
        }
        // Control characters (raw line breaks inside strings) become spaces;
        // each is one byte, and no byte of a longer UTF-8 sequence is below 0x20.
        var cleaned = Array(text.utf8)
        for k in cleaned.indices where cleaned[k] < 0x20 { cleaned[k] = 0x20 }
        do {
            return try JSONSerialization.jsonObject(with: Data(cleaned), options: [.fragmentsAllowed])
        } catch {
            // Not JSON even after cleaning: the caller reads key/value pairs directly.
            return nil
        }
    }

    /// `block` without leading and trailing white space. A block that,
    /// past ASCII white space, begins and ends with other ASCII characters
    /// (`{`, `[`, `<` … `}`, `]`, `>`), as nearly all do, is cut by bytes;
    /// any other is trimmed by Foundation as before.
    private static func trimmed(_ block: String) -> String {
        let utf8 = block.utf8
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }),
            utf8[first] < 0x80, utf8[last] < 0x80
        else { return block.trimmingCharacters(in: .whitespacesAndNewlines) }
        return String(block[first...last])
    }

    private static func visit(_ value: Any, article: inout Article?, page: inout Article?, depth: Int = 0) {
        guard depth < 8 else { return }
        if let list = value as? [Any] {
            for item in list { visit(item, article: &article, page: &page, depth: depth + 1) }
            return
        }
        guard let object = value as? [String: Any] else { return }
        if let graph = object["@graph"] { visit(graph, article: &article, page: &page, depth: depth + 1) }
        let types = typeNames(object["@type"])
        if article == nil && !types.isDisjoint(with: articleTypes) {
            article = describe(object)
        } else if page == nil && !types.isDisjoint(with: pageTypes) {
            let described = describe(object)
            if described.datePublished != nil || described.headline != nil { page = described }
        }
        if let main = object["mainEntity"] { visit(main, article: &article, page: &page, depth: depth + 1) }
    }

    private static func typeNames(_ value: Any?) -> Set<String> {
        if let s = value as? String { return [s.lowercased()] }
        if let list = value as? [Any] { return Set(list.compactMap { ($0 as? String)?.lowercased() }) }
        return []
    }

    private static func describe(_ object: [String: Any]) -> Article {
        var a = Article()
        a.headline = string(object["headline"]) ?? string(object["name"])
        a.datePublished = string(object["datePublished"]) ?? string(object["dateCreated"])
        a.dateModified = string(object["dateModified"])
        a.publisher = name(object["publisher"])
        a.author = name(object["author"])
        a.language = string(object["inLanguage"])
        a.url = string(object["url"]) ?? string((object["mainEntityOfPage"] as? [String: Any])?["@id"])
            ?? string(object["mainEntityOfPage"])
        return a
    }

    private static func string(_ value: Any?) -> String? {
        if let s = value as? String {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
        if let list = value as? [Any], let first = list.first { return string(first) }
        return nil
    }

    /// A person's or organisation's name: a string, `{name}`, or a list of them.
    private static func name(_ value: Any?) -> String? {
        if let s = string(value as? String) { return s }
        if let object = value as? [String: Any] { return string(object["name"]) }
        if let list = value as? [Any] {
            let names = list.compactMap { name($0) }
            var seen = Set<String>()
            let unique = names.filter { seen.insert($0).inserted }
            return unique.isEmpty ? nil : unique.joined(separator: ", ")
        }
        return nil
    }

    /// Reads `"key": "value"` pairs straight from text that is not valid JSON.
    private static func scan(_ block: String) -> Article? {
        var a = Article()
        a.datePublished = pair("datePublished", in: block)
        a.dateModified = pair("dateModified", in: block)
        a.headline = pair("headline", in: block)
        return a.datePublished == nil && a.headline == nil ? nil : a
    }

    private static func pair(_ key: String, in text: String) -> String? {
        guard let keyRange = text.range(of: "\"\(key)\"") else { return nil }
        var rest = text[keyRange.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.first == ":" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard rest.first == "\"" else { return nil }
        rest = rest.dropFirst()
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        let value = rest[..<close].trimmingCharacters(in: .whitespaces)
        return value.isEmpty || value.count > 200 ? nil : value
    }
}
