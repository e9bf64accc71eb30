/// Per-element counts the main-text extractor scores with: visible
/// characters, characters inside links, number of links and of paragraphs.
/// Computed once, bottom-up, for the whole tree, and kept on the nodes.
struct TextMeasure {
    struct Counts {
        var text = 0
        var linkText = 0
        var links = 0
        var paragraphs = 0
    }

    init(_ root: HTMLNode) {
        _ = Self.measure(root, inLink: false)
    }

    subscript(node: HTMLNode) -> Counts { node.counts }

    func linkDensity(_ node: HTMLNode) -> Double {
        let c = self[node]
        return c.text == 0 ? 0 : Double(c.linkText) / Double(c.text)
    }

    private static let unmeasured: Set<String> = ["script", "style", "noscript", "template", "head", "title", "svg"]

    private static func measure(_ node: HTMLNode, inLink: Bool) -> Counts {
        if node.isText {
            let n = Self.visibleLength(node.text)
            return Counts(text: n, linkText: inLink ? n : 0)
        }
        var c = Counts()
        if unmeasured.contains(node.tag) { return c }
        let isLink = node.tag == "a"
        for child in node.children {
            let sub = measure(child, inLink: inLink || isLink)
            c.text += sub.text
            c.linkText += sub.linkText
            c.links += sub.links
            c.paragraphs += sub.paragraphs
        }
        if isLink { c.links += 1 }
        if node.tag == "p" && c.text >= 25 { c.paragraphs += 1 }
        node.counts = c
        return c
    }

    /// Characters other than ASCII whitespace (UTF-8 lead bytes counted).
    static func visibleLength(_ s: String) -> Int {
        var n = 0
        for b in s.utf8 where b & 0xC0 != 0x80 && b != 0x20 && b != 0x0A && b != 0x09 && b != 0x0D && b != 0x0C {
            n += 1
        }
        return n
    }
}
