/// Builds an `HTMLNode` tree from tokens the way browsers forgive tag soup,
/// in a simplified form: void elements never take children, a new block
/// closes an open `<p>`, list items, table cells and options close their open
/// siblings, an end tag closes everything above its match (and is ignored
/// when nothing matches), nesting is capped so hostile input cannot make
/// the tree deeper than the extractor's recursion allows, and a run of
/// identical empty elements is one node, so the tree's size is bounded by the
/// page's content, not by its count of tags.
enum HTMLTreeBuilder {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "command",
    ]
    /// Start tags that close an open `<p>`.
    private static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main", "menu", "nav", "ol", "p",
        "pre", "section", "table", "ul", "li", "dd", "dt",
    ]
    /// Elements a search for an implicitly closed element does not cross.
    private static let scopeBoundaries: Set<String> = [
        "html", "body", "table", "td", "th", "button", "article", "section", "div", "ul", "ol", "dl",
    ]
    static let maxDepth = 200

    static func build(_ tokens: [HTMLToken]) -> HTMLNode {
        let root = HTMLNode(tag: "#document")
        var stack: [HTMLNode] = [root]
        for token in tokens {
            switch token {
            case .text(let text):
                stack[stack.count - 1].children.append(HTMLNode(tag: "", text: text))
            case .rawText(let text):
                stack[stack.count - 1].children.append(HTMLNode(tag: "", text: text))
            case .startTag(let name, let attributes, let selfClosing):
                closeImplied(by: name, stack: &stack)
                let void = voidElements.contains(name) || selfClosing
                let node: HTMLNode
                if !void, attributes.isEmpty, let twin = emptyTwin(of: name, in: stack[stack.count - 1]) {
                    node = twin
                } else {
                    node = HTMLNode(tag: name, attributes: attributes)
                    stack[stack.count - 1].children.append(node)
                }
                if !void && stack.count < maxDepth {
                    stack.append(node)
                }
            case .endTag(let name):
                if name == "br" {
                    stack[stack.count - 1].children.append(HTMLNode(tag: "br"))
                    continue
                }
                if let index = stack.lastIndex(where: { $0.tag == name }), index > 0 {
                    stack.removeSubrange(index...)
                }
            }
        }
        return root
    }

    /// The parent's last child when it is an element `name` without
    /// attributes or children: a start tag of the same element right after it
    /// continues that node instead of adding one. An empty element writes no
    /// text and counts as no paragraph, and a block's line break is written
    /// once however many empty blocks follow, so the page reads the same;
    /// but 100,000 `<p>`s in a row, or tags nested past `maxDepth` (which
    /// become siblings), make one node instead of 100,000. Links are kept
    /// apart: the extractor counts them.
    private static func emptyTwin(of name: String, in parent: HTMLNode) -> HTMLNode? {
        guard name != "a", let last = parent.children.last, last.tag == name, last.attributes.isEmpty, last.children.isEmpty else {
            return nil
        }
        return last
    }

    /// What a start tag closes implicitly (`<li>` an open `<li>`), and
    /// which open elements stop the search; built once, not per tag.
    private struct ImpliedClose {
        let tags: Set<String>
        let boundaries: Set<String>

        static let listItem = ImpliedClose(tags: ["li"], boundaries: ["ul", "ol", "menu"])
        static let definition = ImpliedClose(tags: ["dt", "dd"], boundaries: ["dl"])
        static let row = ImpliedClose(tags: ["tr"], boundaries: ["table", "thead", "tbody", "tfoot"])
        static let cell = ImpliedClose(tags: ["td", "th"], boundaries: ["tr", "table"])
        static let option = ImpliedClose(tags: ["option"], boundaries: ["select", "datalist"])
        static let section = ImpliedClose(tags: ["thead", "tbody", "tfoot"], boundaries: ["table"])
        static let paragraph = ImpliedClose(tags: ["p"], boundaries: scopeBoundaries)
    }

    private static func closeImplied(by name: String, stack: inout [HTMLNode]) {
        let implied: ImpliedClose?
        switch name {
        case "li": implied = .listItem
        case "dt", "dd": implied = .definition
        case "tr": implied = .row
        case "td", "th": implied = .cell
        case "option": implied = .option
        case "thead", "tbody", "tfoot": implied = .section
        default: implied = nil
        }
        if let implied { close(implied.tags, within: implied.boundaries, stack: &stack) }
        if closesParagraph.contains(name) { close(ImpliedClose.paragraph.tags, within: ImpliedClose.paragraph.boundaries, stack: &stack) }
    }

    private static func close(_ tags: Set<String>, within boundaries: Set<String>, stack: inout [HTMLNode]) {
        var index = stack.count - 1
        while index > 0 {
            let tag = stack[index].tag
            if tags.contains(tag) {
                stack.removeSubrange(index...)
                return
            }
            if boundaries.contains(tag) { return }
            index -= 1
        }
    }
}
