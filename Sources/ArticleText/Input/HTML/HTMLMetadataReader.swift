import Foundation

/// Reads what an HTML page states about itself: title (`og:title`, JSON-LD
/// headline, `<title>`), dates (JSON-LD, `article:` and other date meta tags
/// listed in `NormaliseData/html-date-keys.tsv`, `itemprop` dates, `<time
/// datetime>`, the date line under the headline, short date elements, and a
/// full date in the canonical URL path as the last resort), site name, author, language and canonical URL.
/// Dates come out as ISO 8601 (see `MetadataDate`).
struct HTMLMetadataReader {
    private struct DateKeys {
        var published: [String] = []
        var updated: [String] = []
        var raw: [String] = []
        var classHints: [String] = []
    }

    private static let classHints: [[UInt8]] = dateKeys.classHints.map { Array($0.utf8) }
    private static let updateHints: [[UInt8]] = [Array("update".utf8), Array("modif".utf8)]
    /// How far under the headline a date line is looked for (text nodes,
    /// characters), and how long a date line may be.
    private static let headlineDateNodes = 12
    private static let headlineDateCharacters = 600
    private static let dateLineLimit = 80

    /// Whether a class/id names a (publication, not update) date element.
    private static func hasDateHint(_ names: [UInt8]) -> Bool {
        classHints.contains { BoilerplateRules.contains(names, $0) }
            && !updateHints.contains { BoilerplateRules.contains(names, $0) }
    }

    private static let dateKeys: DateKeys = {
        var keys = DateKeys()
        for row in ResourceTable.rows("html-date-keys") where row.count == 2 {
            let value = String(row[1])
            switch row[0] {
            case "published": keys.published.append(value)
            case "updated": keys.updated.append(value)
            case "raw-key": keys.raw.append(value)
            case "class-hint": keys.classHints.append(value)
            default: break
            }
        }
        return keys
    }()

    private var meta: [String: String] = [:]
    private var titleElement: String?
    private var htmlLang: String?
    private var canonical: String?
    private var jsonLD: [String] = []
    private var itempropDates: [String: [String]] = [:]
    private var times: [(value: String, hint: String, inArticle: Bool)] = []
    private var dateTexts: [String] = []
    private var headings: [HTMLNode] = []
    private let root: HTMLNode
    private let html: [UInt8]

    /// Reads the tree; `html` is the raw page, for dates stated only in
    /// scripts or comments.
    init(_ root: HTMLNode, html: [UInt8]) {
        self.html = html
        self.root = root
        visit(root, inArticle: false, inFurniture: false)
    }

    private mutating func visit(_ node: HTMLNode, inArticle: Bool, inFurniture: Bool) {
        guard !node.isText else { return }
        var inArticle = inArticle
        var inFurniture = inFurniture
        switch node.tag {
        case "html":
            if htmlLang == nil, let lang = node.attribute("lang") ?? node.attribute("xml:lang"), !lang.isEmpty { htmlLang = lang }
        case "title":
            if titleElement == nil { titleElement = node.textContent }
        case "meta":
            if let content = node.attribute("content") {
                for keyAttribute in ["property", "name", "itemprop", "http-equiv"] {
                    if let key = node.attribute(keyAttribute)?.lowercased(), meta[key] == nil { meta[key] = content }
                }
            }
        case "link":
            if canonical == nil, node.attribute("rel")?.lowercased() == "canonical", let href = node.attribute("href") {
                canonical = href
            }
        case "script":
            if node.attribute("type")?.lowercased().contains("ld+json") == true {
                jsonLD.append(node.children.map(\.text).joined())
            }
            return
        case "style", "noscript", "template":
            return
        case "article":
            inArticle = true
        case "nav", "footer", "aside":
            inFurniture = true
        case "h1", "h2", "h3":
            if !inFurniture && headings.count < 40 { headings.append(node) }
        default:
            break
        }
        if node.attribute("itemprop")?.lowercased().contains("articlebody") == true { inArticle = true }
        if let prop = node.attribute("itemprop")?.lowercased(), prop == "datepublished" || prop == "datemodified",
            node.tag != "meta"
        {
            let value = node.attribute("content") ?? node.attribute("datetime") ?? node.textContent
            itempropDates[prop, default: []].append(value)
        }
        if node.tag == "time" && !inFurniture {
            let value = node.attribute("datetime") ?? node.textContent
            var hint = (BoilerplateRules.names(node) ?? "") + " " + (node.attribute("itemprop") ?? "").lowercased()
            if node.attribute("pubdate") != nil { hint += " pubdate" }
            times.append((value, hint, inArticle))
        }
        if !inFurniture && dateTexts.count < 40, let names = BoilerplateRules.names(node),
            Self.hasDateHint(Array(names.utf8))
        {
            let text = node.textContent
            if !text.isEmpty && text.count <= 120 { dateTexts.append(text) }
        }
        for child in node.children { visit(child, inArticle: inArticle, inFurniture: inFurniture) }
    }

    /// The page's own summary (`og:description`, `description`).
    var summary: String? { clean(meta["og:description"]) ?? clean(meta["description"]) }

    /// The headline the page states in its metadata, before any text is read.
    var statedTitle: String? { clean(meta["og:title"]) ?? clean(meta["twitter:title"]) ?? clean(titleElement) }

    /// Everything the page states; `textLines` (the extracted article lines)
    /// are searched for a date line near the headline when no tag states one.
    func metadata(textLines: [String]) -> DocumentMetadata {
        let ld = JSONLDReader.read(jsonLD)
        var m = DocumentMetadata()
        m.title = clean(meta["og:title"]) ?? clean(ld?.headline) ?? clean(meta["twitter:title"]) ?? clean(titleElement)
        m.url = clean(canonical) ?? clean(meta["og:url"]) ?? clean(ld?.url)
        m.outlet = clean(meta["og:site_name"]) ?? clean(ld?.publisher) ?? clean(meta["application-name"])
        m.author = clean(meta["author"]) ?? clean(ld?.author) ?? clean(meta["article:author"]).flatMap { $0.hasPrefix("http") ? nil : $0 }
        m.language = language()
        if let title = m.title, let outlet = m.outlet { m.title = Self.strippingSiteName(title, outlet) }
        m.publishedAt = publishedAt(ld, textLines: textLines)
        m.updatedAt = firstDate([ld?.dateModified] + Self.dateKeys.updated.map { meta[$0] } + (itempropDates["datemodified"] ?? []).map { $0 })
            ?? times.first(where: { $0.hint.contains("datemodified") || $0.hint.contains("updated") && !$0.hint.contains("published") })
                .flatMap { MetadataDate.iso($0.value) }
        return m
    }

    private func publishedAt(_ ld: JSONLDReader.Article?, textLines: [String]) -> String? {
        if let d = firstDate(Self.dateKeys.published.map { meta[$0] } + [ld?.datePublished]) {
            return LocalTimePreference.prefer(d) { localCandidates(ld) }
        }
        if let d = firstDate((itempropDates["datepublished"] ?? []).map { $0 }) { return d }
        let preferred = times.filter { $0.hint.contains("pubdate") || $0.hint.contains("datepublished") || $0.hint.contains("publish") }
        if let d = firstDate(preferred.map(\.value)) { return d }
        if let d = firstDate(times.filter(\.inArticle).map(\.value)) { return d }
        if let d = firstDate(times.filter { !$0.hint.contains("modif") && !$0.hint.contains("update") }.map(\.value)) { return d }
        for key in Self.dateKeys.raw {
            if let value = RawDateScan.value(of: key, in: html), let d = MetadataDate.iso(value) { return d }
        }
        if let d = dateUnderHeadline(titles: [meta["og:title"], ld?.headline, meta["twitter:title"], titleElement]) {
            return d
        }
        for text in dateTexts {
            if let d = MetadataDate.find(in: text) { return d }
        }
        for line in textLines.prefix(15) where line.count <= 100 {
            if let d = MetadataDate.find(in: line) { return d }
        }
        for url in [canonical, meta["og:url"], ld?.url] {
            if let url, let d = MetadataDate.fromURL(url) { return d }
        }
        return nil
    }

    /// The date readers see under the headline: the first date in the few
    /// text nodes that follow the heading stating the page's title, before
    /// the next heading. A site's top bar ("today's date") and the dates of
    /// teasers elsewhere on the page come before the headline or after the
    /// next heading, so they lose to it. Only short texts count as date
    /// lines (a photo caption's date is not the article's), and a text
    /// naming an update is skipped.
    private func dateUnderHeadline(titles: [String?]) -> String? {
        let wanted = Set(titles.compactMap { clean($0)?.lowercased() })
        guard !wanted.isEmpty,
            let heading = headings.first(where: { node in
                let text = node.textContent.lowercased()
                return text.count >= 12 && wanted.contains { $0 == text || $0.hasPrefix(text) }
            })
        else { return nil }
        var stack: [HTMLNode] = [root]
        var passed = false
        var seen = 0
        var characters = 0
        while let node = stack.popLast() {
            if node === heading {
                passed = true
                continue
            }
            if node.isText {
                guard passed else { continue }
                var collector = TextCollector()
                collector.add(node.text)
                let text = collector.result
                guard !text.isEmpty else { continue }
                seen += 1
                characters += text.count
                if seen > Self.headlineDateNodes || characters > Self.headlineDateCharacters { return nil }
                let lower = Array(text.lowercased().utf8)
                if Self.updateHints.contains(where: { BoilerplateRules.contains(lower, $0) }) { continue }
                if text.count <= Self.dateLineLimit, let d = MetadataDate.find(in: text) { return d }
                continue
            }
            switch node.tag {
            case "script", "style", "noscript", "template": continue
            case "h1", "h2", "h3", "h4":
                if passed { return nil }
                stack.append(contentsOf: node.children.reversed())
            default: stack.append(contentsOf: node.children.reversed())
            }
        }
        return nil
    }

    /// Every other stated publication time, for `LocalTimePreference`.
    private func localCandidates(_ ld: JSONLDReader.Article?) -> [String] {
        let stated: [String?] = [ld?.datePublished] + Self.dateKeys.published.map { meta[$0] }
            + (itempropDates["datepublished"] ?? []).map { $0 } + times.map(\.value)
            + Self.dateKeys.raw.map { RawDateScan.value(of: $0, in: html) }
        return stated.compactMap { $0.flatMap(MetadataDate.iso) }
    }

    private func firstDate(_ values: [String?]) -> String? {
        for value in values {
            if let value, let d = MetadataDate.iso(value) { return d }
        }
        return nil
    }

    private func language() -> String? {
        let raw = clean(htmlLang) ?? clean(meta["content-language"]) ?? clean(meta["og:locale"]) ?? clean(meta["language"])
        guard let raw else { return nil }
        let tag = raw.replacingOccurrences(of: "_", with: "-").split(separator: ",").first.map(String.init) ?? raw
        return tag.trimmingCharacters(in: .whitespaces)
    }

    /// "Headline | Site" → "Headline" when the suffix (or prefix) is the site's name.
    static func strippingSiteName(_ title: String, _ site: String) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " : ", " « ", " » ", " · "] {
            if title.hasSuffix(separator + site) {
                let head = String(title.dropLast(separator.count + site.count))
                if !head.isEmpty { return head }
            }
            if title.hasPrefix(site + separator) {
                let tail = String(title.dropFirst(site.count + separator.count))
                if !tail.isEmpty { return tail }
            }
        }
        return title
    }

    private func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        var collector = TextCollector()
        collector.add(s)
        let t = collector.result
        return t.isEmpty ? nil : t
    }
}
