/// Finds an HTML page's article text and writes it as lines: one paragraph
/// per line, headings on their own lines, the page's headline (`<h1>`) first.
///
/// The article container is, in order of trust: the `[itemprop=articleBody]`
/// element, the largest `<article>`, or the best block by a readability-style
/// score (each paragraph of 25+ characters scores 1 + its commas + its
/// length/100 (at most 3), added to its parent and, halved, to its
/// grandparent; a container's score is weighted by its class names and by
/// 1 − its link density). Inside the container, furniture is dropped:
/// navigation, headers outside the article, footers, asides, forms, hidden
/// elements, anything whose class or id marks share bars, social buttons,
/// related or most-read lists, comments, tags, ads or widgets, and lists or
/// blocks made mostly of links.
struct MainTextExtractor {
    private let root: HTMLNode
    private let measure: TextMeasure
    private let rules = BoilerplateRules.shared
    private let pageText: Int

    private static let blockTags: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
        "dl", "dt", "dd", "blockquote", "pre", "table", "tr", "figure", "address", "center", "hr", "body", "html",
        "details", "summary", "caption", "tbody", "thead", "tfoot",
    ]
    private static let paragraphTags: Set<String> = ["p", "pre", "td", "blockquote"]

    init(root: HTMLNode, measure: TextMeasure) {
        self.root = root
        self.measure = measure
        self.pageText = measure[root].text
    }

    /// The article's lines, headline first when the page has one.
    func lines(titleHints: [String], siteName: String?) -> [String] {
        let containers = contentContainers()
        let insideArticle = containers.contains { isArticleLike($0) }
        var writer = LineWriter()
        for container in containers {
            write(container, into: &writer, keepHeader: insideArticle, isRoot: true)
        }
        writer.endBlock()
        var lines = writer.lines
        if lines.isEmpty {
            var fallback = LineWriter()
            write(root, into: &fallback, keepHeader: false, isRoot: true)
            fallback.endBlock()
            lines = fallback.lines
        }
        if let headline = headline(titleHints: titleHints, siteName: siteName, containers: containers) {
            lines.removeAll { $0 == headline }
            lines.insert(headline, at: 0)
        }
        return lines
    }

    // MARK: choosing the container

    private func contentContainers() -> [HTMLNode] {
        var articleBodies: [HTMLNode] = []
        var articles: [HTMLNode] = []
        root.forEachElement { node in
            if node.attribute("itemprop")?.lowercased().contains("articlebody") == true { articleBodies.append(node) }
            if node.tag == "article" { articles.append(node) }
        }
        if let best = articleBodies.max(by: { measure[$0].text < measure[$1].text }), measure[best].text >= 100 {
            return [best]
        }
        let scored = bestScoredContainers()
        // Prefer the innermost qualifying <article>: some sites wrap the whole page in one.
        let qualifying = articles.filter { measure[$0].text >= 250 }
        let innermost = qualifying.filter { outer in
            var nested = false
            outer.forEachElement { if $0 !== outer && $0.tag == "article" && measure[$0].text >= 250 { nested = true } }
            return !nested
        }
        if let best = innermost.max(by: { measure[$0].text < measure[$1].text }) {
            let scoredText = scored.reduce(0) { $0 + measure[$1].text }
            if measure[best].text * 2 >= scoredText || measure[best].paragraphs >= 3 { return [best] }
        }
        return scored.isEmpty ? [root] : scored
    }

    private func bestScoredContainers() -> [HTMLNode] {
        var scored: [HTMLNode] = []
        var parentOfBest: [ObjectIdentifier: HTMLNode] = [:]
        var ancestors: [HTMLNode] = []

        func initialScore(_ node: HTMLNode) -> Double {
            var s = rules.classWeight(node)
            switch node.tag {
            case "div", "article", "main", "section": s += 5
            case "pre", "td", "blockquote": s += 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": s -= 3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": s -= 5
            default: break
            }
            return s
        }

        func visit(_ node: HTMLNode) {
            guard !node.isText, !isFurniture(node, keepHeader: false) else { return }
            let isParagraph = Self.paragraphTags.contains(node.tag)
                || (node.tag == "div" && !node.children.contains { Self.blockTags.contains($0.tag) })
            if isParagraph {
                let length = measure[node].text
                if length >= 25 {
                    let text = node.textContent
                    let commas = Self.commaCount(text)
                    let score = 1 + Double(commas) + min(Double(length) / 100, 3)
                    for (level, ancestor) in ancestors.reversed().prefix(3).enumerated() {
                        if ancestor.score == nil {
                            ancestor.score = initialScore(ancestor)
                            scored.append(ancestor)
                            if ancestors.count >= 2 + level {
                                parentOfBest[ObjectIdentifier(ancestor)] = ancestors[ancestors.count - 2 - level]
                            }
                        }
                        let divider = level == 0 ? 1.0 : level == 1 ? 2.0 : Double(level) * 3
                        ancestor.score = (ancestor.score ?? 0) + score / divider
                    }
                }
                if node.tag != "div" { return }
            }
            ancestors.append(node)
            for child in node.children { visit(child) }
            ancestors.removeLast()
        }
        visit(root)

        var best: HTMLNode?
        var bestScore = -Double.infinity
        for node in scored {
            let weighted = (node.score ?? 0) * (1 - measure.linkDensity(node))
            if weighted > bestScore {
                bestScore = weighted
                best = node
            }
        }
        guard let best else { return [] }
        // Siblings that score well or read like paragraphs belong to the article too.
        guard let parent = parentOfBest[ObjectIdentifier(best)] else { return [best] }
        let threshold = max(10, bestScore * 0.2)
        var chosen: [HTMLNode] = []
        for sibling in parent.children where !sibling.isText {
            if sibling === best {
                chosen.append(sibling)
                continue
            }
            if isFurniture(sibling, keepHeader: false) { continue }
            let density = measure.linkDensity(sibling)
            if let s = sibling.score, s * (1 - density) >= threshold {
                chosen.append(sibling)
            } else if sibling.tag == "p" && measure[sibling].text > 80 && density < 0.25 {
                chosen.append(sibling)
            }
        }
        return chosen
    }

    /// The Characters of `text` that are a comma (`,` or Arabic `،`) alone.
    /// Counted on the bytes when each comma is plainly a cluster of its own:
    /// the scalar before it ASCII or an Arabic letter or mark (none of which
    /// is a Prepend that would take the comma into its cluster), the byte
    /// after it ASCII (no combining mark joins it). Otherwise by Character.
    static func commaCount(_ text: String) -> Int {
        var utf8 = text.utf8.makeIterator()
        var count = 0
        var previous: UInt32 = 0x20
        var lead: UInt8 = 0
        var pendingComma = false
        while let b = utf8.next() {
            if pendingComma {
                guard b < 0x80 else { return characterCommaCount(text) }
                pendingComma = false
            }
            if b < 0x80 {
                if b == 0x2C {
                    guard plainBefore(previous) else { return characterCommaCount(text) }
                    count += 1
                    pendingComma = true
                }
                previous = UInt32(b)
            } else if b >= 0xC0 {
                lead = b
                previous = 0xFFFF_FFFF
            } else if lead >= 0xC0 && lead < 0xE0 {
                let scalar = UInt32(lead & 0x1F) << 6 | UInt32(b & 0x3F)
                if scalar == 0x060C {
                    guard plainBefore(previous) else { return characterCommaCount(text) }
                    count += 1
                    pendingComma = true
                }
                previous = scalar
                lead = 0
            }
        }
        return count
    }

    /// ASCII, or an Arabic-block scalar other than the Prepend ones (U+0600–0605, U+06DD).
    private static func plainBefore(_ scalar: UInt32) -> Bool {
        scalar < 0x80 || (scalar >= 0x0606 && scalar <= 0x06FF && scalar != 0x06DD)
    }

    private static func characterCommaCount(_ text: String) -> Int {
        text.reduce(0) { $0 + ($1 == "," || $1 == "،" ? 1 : 0) }
    }

    private func isArticleLike(_ node: HTMLNode) -> Bool {
        node.tag == "article" || node.tag == "main"
            || node.attribute("itemprop")?.lowercased().contains("articlebody") == true
    }

    // MARK: writing lines

    /// Whether an element is page furniture that never belongs to the text.
    private func isFurniture(_ node: HTMLNode, keepHeader: Bool) -> Bool {
        if rules.dropTags.contains(node.tag) { return true }
        if node.tag == "header" && !keepHeader { return true }
        if ["html", "body", "article", "main", "#document"].contains(node.tag) { return false }
        if rules.softDropTags.contains(node.tag) || rules.isHinted(node) {
            return pageText == 0 || measure[node].text * 2 < pageText
        }
        return false
    }

    private func write(_ node: HTMLNode, into writer: inout LineWriter, keepHeader: Bool, isRoot: Bool = false) {
        if node.isText {
            writer.add(node.text)
            return
        }
        if !isRoot && isFurniture(node, keepHeader: keepHeader) {
            writer.space()
            return
        }
        if !isRoot && isLinkList(node) {
            writer.endBlock()
            return
        }
        switch node.tag {
        case "br":
            writer.endBlock()
            return
        case "img", "picture", "source":
            return
        default:
            break
        }
        let block = Self.blockTags.contains(node.tag)
        if block { writer.endBlock() }
        let keep = keepHeader || isArticleLike(node)
        for child in node.children { write(child, into: &writer, keepHeader: keep) }
        if block {
            writer.endBlock()
        } else if node.tag == "td" || node.tag == "th" {
            writer.space()
        }
    }

    /// Lists and blocks that are mostly links (related headlines, tag clouds).
    private func isLinkList(_ node: HTMLNode) -> Bool {
        guard ["ul", "ol", "div", "section", "table", "dl", "nav"].contains(node.tag) else { return false }
        let c = measure[node]
        return c.links >= 3 && measure.linkDensity(node) > 0.5 && c.text - c.linkText < 300
    }

    // MARK: headline

    private func headline(titleHints: [String], siteName: String?, containers: [HTMLNode]) -> String? {
        var candidates: [String] = []
        func collect(_ node: HTMLNode) {
            guard !node.isText else { return }
            if node.tag == "h1" {
                let text = node.textContent
                if !text.isEmpty && text.count <= 400 { candidates.append(text) }
                return
            }
            if rules.dropTags.contains(node.tag) && node.tag != "header" { return }
            for child in node.children { collect(child) }
        }
        collect(root)
        let site = siteName?.lowercased()
        candidates.removeAll { $0.lowercased() == site }
        guard !candidates.isEmpty else { return nil }
        let hints = titleHints.map { $0.lowercased() }
        if let matched = candidates.first(where: { h in
            let l = h.lowercased()
            return l.count >= 8 && hints.contains { $0.contains(l) || l.contains($0) }
        }) {
            return matched
        }
        for container in containers {
            var inside: [String] = []
            container.forEachElement { if $0.tag == "h1" { inside.append($0.textContent) } }
            if let first = inside.first(where: { !$0.isEmpty }) { return first }
        }
        return candidates.count == 1 ? candidates[0] : nil
    }
}
