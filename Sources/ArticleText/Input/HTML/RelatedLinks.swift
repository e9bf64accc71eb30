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
    /// Elements whose content is never a related block.
    private static let skipped = ["script", "style", "template", "head"]
    /// Elements a search for a block's text does not enter.
    private static let opaque = ["script", "style", "svg", "img"]

    static func lines(_ root: HTMLNode) -> [String] {
        var out: [String] = []
        var blocks = 0
        var stack: [HTMLNode] = [root]
        while let node = stack.popLast(), blocks < maxBlocks {
            guard !node.isText, !skipped.contains(node.tag) else { continue }
            if node.counts.links >= 2, node.counts.text <= maxBlockText, let label = leadingLabel(node)?.blockLabel {
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
    /// (`isHeader`: whether `text` is a related header, worked out once by `Label`.)
    static func blockLabel(_ text: String, isHeader: Bool) -> String? {
        if isHeader { return text }
        return RelatedBlock.isSectionHeader(text) ? sectionLabel : nil
    }

    /// A whole-line header of `ParseData/related-headers.txt`.
    static let sectionLabel = "Related"

    /// A child that holds only a related header ("<h2>Related</h2>") and the
    /// next element after it, when that element is a small block of headline
    /// links: the header is not inside the list's container, so
    /// the container test above does not see it.
    static func headedList(in node: HTMLNode) -> (String, [String])? {
        var previous: HTMLNode?
        for list in node.children where !list.isText {
            defer { previous = list }
            guard let header = previous, header.counts.links <= 1, header.counts.text <= maxHeaderText,
                  list.counts.links >= 1, list.counts.text <= maxBlockText,
                  let label = leadingLabel(header)?.blockLabel
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
                let text = collapsed(next)
                if label == nil, !text.text.isEmpty, text.isShort, text.isHeader {
                    label = text.text
                }
                continue
            }
            if opaque.contains(next.tag) { continue }
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
    private static func leadingLabel(_ node: HTMLNode) -> Label? {
        var stack: [HTMLNode] = [node]
        var seen = 0
        while let next = stack.popLast(), seen < 40 {
            seen += 1
            if next.isText {
                let text = collapsed(next)
                if !text.text.isEmpty { return text.isShort ? text : nil }
                continue
            }
            if opaque.contains(next.tag) { continue }
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

    /// A text node's text with its white space collapsed, whether it is
    /// short enough for a header, whether it is a related header and the block label it
    /// makes: worked out once per node, since the node is read again for
    /// each ancestor tried as a block.
    final class Label {
        let text: String
        /// At most `maxHeaderText` characters: a header's length.
        let isShort: Bool
        private var header: Bool?
        private var label: String??

        /// Only a text of more than `maxHeaderText` bytes is counted by
        /// character, and only as far as the first character past it.
        init(_ text: String) {
            self.text = text
            isShort = text.utf8.count <= maxHeaderText || text.dropFirst(maxHeaderText).isEmpty
        }

        var isHeader: Bool {
            if let header { return header }
            let verdict = RelatedBlock.header(ArticleLine(text)) == .block
            header = verdict
            return verdict
        }

        /// `RelatedLinks.blockLabel` of the text.
        var blockLabel: String? {
            if let label { return label }
            let found = RelatedLinks.blockLabel(text, isHeader: isHeader)
            label = .some(found)
            return found
        }
    }

    /// The node's text split on white space and joined with single spaces.
    static func collapsed(_ node: HTMLNode) -> Label {
        if let label = node.related { return label }
        let label = collapse(node.text)
        node.related = label
        return label
    }

    /// The text split on white space and joined with single spaces, by
    /// scalars where that gives what a split by character gives (nearly
    /// always), else by character.
    private static func collapse(_ text: String) -> Label {
        if let joined = WhitespaceCollapse.collapsed(text) { return Label(joined) }
        return Label(text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " "))
    }
}
