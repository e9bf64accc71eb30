/// The "related" blocks of a page that the main-text extractor drops as
/// furniture (an `<aside>` headed "Mehr zum Thema", a `<section>` headed
/// "Related Coverage"), written back as lines after the article — the
/// header, then one headline per link — so that the parse stage sees them as
/// it sees a plain-text "read also" block. A block is a small element whose
/// first text is a header of `ParseData/related-headers.txt` and which holds
/// at least two links of three or more words.
enum RelatedLinks {
    static let maxBlocks = 4
    static let maxItems = 12
    /// A headline is short; a link holding a teaser too is not one (and two
    /// such long lines after a header would read as an appended article).
    static let maxHeadlineWords = 13
    /// A related block is small: more text than this is a container.
    static let maxBlockText = 4_000

    static func lines(_ root: HTMLNode) -> [String] {
        var out: [String] = []
        var blocks = 0
        var stack: [HTMLNode] = [root]
        while let node = stack.popLast(), blocks < maxBlocks {
            guard !node.isText, !["script", "style", "template", "head"].contains(node.tag) else { continue }
            if node.counts.links >= 2, node.counts.text <= maxBlockText, let label = leadingText(node),
               RelatedBlock.header(ArticleLine(label)) == .block {
                let items = linkTexts(node)
                if items.count >= 2 {
                    out.append(label)
                    out += items
                    blocks += 1
                    continue
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
        return out
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
            let words = text.split(separator: " ").count
            // Markup inside <noscript> arrives as text: not a headline.
            guard (3...maxHeadlineWords).contains(words), !text.unicodeScalars.contains(where: { $0 == "<" }), !items.contains(text) else { return }
            items.append(text)
        }
        return items
    }
}
