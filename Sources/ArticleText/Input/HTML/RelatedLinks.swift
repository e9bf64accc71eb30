/// The "related" blocks of a page that the main-text extractor drops as
/// furniture (an `<aside>` headed "Mehr zum Thema", a `<section>` headed
/// "Related Coverage"), written back as lines after the article — the
/// header, then one headline per link — so that the parse stage sees them as
/// it sees a plain-text "read also" block. A block is a small element whose
/// first text is a header of `ParseData/related-headers.txt` (or a header
/// naming a section: "More in Gaming", "Le fil du blog") and which holds
/// a link of three or more words (a "Related Coverage" box may hold one
/// story), or a short header element ("<h2>Related</h2>") followed by a
/// sibling list of such links, or a story card: one link and a "Read more"
/// header, the headline in the link's text or its `aria-label`.
enum RelatedLinks {
    static let maxBlocks = 4
    static let maxItems = 12
    /// A headline is short; a link holding a teaser too is not one (and two
    /// such long lines after a header would read as an appended article).
    static let maxHeadlineWords = 13
    /// A related block is small: more text than this is a container.
    static let maxBlockText = 4_000
    /// A header element standing alone before its list holds no more text than this.
    static let maxHeaderText = 60

    static func lines(_ root: HTMLNode) -> [String] {
        var out: [String] = []
        var blocks = 0
        var stack: [HTMLNode] = [root]
        while let node = stack.popLast(), blocks < maxBlocks {
            guard !node.isText, !["script", "style", "template", "head"].contains(node.tag) else { continue }
            if node.counts.links >= 2, node.counts.text <= maxBlockText, let text = leadingText(node),
               let label = blockLabel(text) {
                let items = linkTexts(node)
                if !items.isEmpty {
                    out.append(label)
                    out += items
                    blocks += 1
                    continue
                }
            }
            if let (label, headline) = card(node) {
                out += [label, headline]
                blocks += 1
                continue
            }
            if let (label, items) = headedList(in: node) {
                out.append(label)
                out += items
                blocks += 1
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return out
    }

    /// The header line to write for a block whose first text is `text`: the
    /// text itself when it is a related header ("Related Posts"); the
    /// generic `sectionLabel` for a header naming a section ("More in
    /// Gaming"), which the parse stage, reading lines, does not take as a
    /// header on its own; `nil` for anything else.
    static func blockLabel(_ text: String) -> String? {
        if RelatedBlock.header(ArticleLine(text)) == .block { return text }
        return RelatedBlock.isSectionHeader(text) ? sectionLabel : nil
    }

    /// A whole-line header of `ParseData/related-headers.txt`.
    static let sectionLabel = "Related"

    /// A child that holds only a related header ("<h2>Related</h2>") and the
    /// next element after it, when that element is a small block of headline
    /// links: the header is not inside the list's container, so
    /// the container test above does not see it.
    static func headedList(in node: HTMLNode) -> (String, [String])? {
        let elements = node.children.filter { !$0.isText }
        guard elements.count >= 2 else { return nil }
        for (header, list) in zip(elements, elements.dropFirst()) {
            guard header.counts.links <= 1, header.counts.text <= maxHeaderText,
                  list.counts.links >= 1, list.counts.text <= maxBlockText,
                  let text = leadingText(header), let label = blockLabel(text)
            else { continue }
            let items = linkTexts(list)
            if !items.isEmpty { return (label, items) }
        }
        return nil
    }

    /// A story card: a small element holding one link and a related header
    /// anywhere in its text ("Read more" under the card's headline), whose
    /// headline is the link's text or, when the link is an empty overlay,
    /// its `aria-label` or `title`.
    static func card(_ node: HTMLNode) -> (String, String)? {
        guard node.counts.links == 1, node.counts.text <= maxCardText else { return nil }
        var link: HTMLNode?
        var label: String?
        var stack: [HTMLNode] = [node]
        while let next = stack.popLast() {
            if next.isText {
                let text = next.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if label == nil, !text.isEmpty, text.count <= maxHeaderText,
                   RelatedBlock.header(ArticleLine(text)) == .block {
                    label = text
                }
                continue
            }
            if ["script", "style", "svg", "img"].contains(next.tag) { continue }
            if next.tag == "a" { link = next; continue }
            stack.append(contentsOf: next.children.reversed())
        }
        guard let label, let link else { return nil }
        for candidate in [link.textContent, link.attribute("aria-label") ?? "", link.attribute("title") ?? ""] {
            let text = candidate.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            if isHeadline(text) { return (label, text) }
        }
        return nil
    }

    /// A card holds a headline, a header and perhaps a kicker: no more text than this.
    static let maxCardText = 300

    /// Three to `maxHeadlineWords` words and no markup.
    static func isHeadline(_ text: String) -> Bool {
        let words = text.split(separator: " ").count
        return (3...maxHeadlineWords).contains(words) && !text.unicodeScalars.contains(where: { $0 == "<" })
    }

    /// The first non-empty text inside `node`, looked for among its first
    /// few dozen nodes.
    static func leadingText(_ node: HTMLNode) -> String? {
        var stack: [HTMLNode] = [node]
        var seen = 0
        while let next = stack.popLast(), seen < 40 {
            seen += 1
            if next.isText {
                let text = next.text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                if !text.isEmpty { return text.count <= 60 ? text : nil }
                continue
            }
            if ["script", "style", "svg", "img"].contains(next.tag) { continue }
            stack.append(contentsOf: next.children.reversed())
        }
        return nil
    }

    /// The texts of the links below `node` that read as headlines.
    static func linkTexts(_ node: HTMLNode) -> [String] {
        var items: [String] = []
        node.forEachElement { element in
            guard element.tag == "a", items.count < maxItems else { return }
            let text = element.textContent
            // Markup inside <noscript> arrives as text: not a headline.
            guard isHeadline(text), !items.contains(text) else { return }
            items.append(text)
        }
        return items
    }
}
