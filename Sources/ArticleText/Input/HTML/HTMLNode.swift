/// A node of the forgiving document tree the HTML decoder builds: an element
/// (lower-case `tag`, attributes, children) or a text node (`tag` empty).
/// Lives only while one page is decoded, on one task.
final class HTMLNode {
    let tag: String
    let attributes: [String: String]
    var text: String
    var children: [HTMLNode] = []
    /// Filled by `TextMeasure`: visible characters, characters inside links,
    /// links and paragraphs below this node.
    var counts = TextMeasure.Counts()
    /// Filled while `MainTextExtractor` scores containers.
    var score: Double?

    init(tag: String, attributes: [String: String] = [:], text: String = "") {
        self.tag = tag
        self.attributes = attributes
        self.text = text
    }

    var isText: Bool { tag.isEmpty }

    func attribute(_ name: String) -> String? { attributes[name] }

    /// Every element below this one, depth first, in document order.
    func forEachElement(_ body: (HTMLNode) -> Void) {
        var stack: [HTMLNode] = [self]
        while let node = stack.popLast() {
            if !node.isText { body(node) }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    /// The text below this node, whitespace runs collapsed to single spaces,
    /// skipping scripts and styles.
    var textContent: String {
        var parts = TextCollector()
        parts.collect(self)
        return parts.result
    }
}

/// Joins the text of a subtree with ASCII whitespace collapsed.
struct TextCollector {
    private var buffer = UTF8Buffer(capacity: 256)
    private var pendingSpace = false

    mutating func collect(_ node: HTMLNode) {
        if node.isText {
            add(node.text)
            return
        }
        if node.tag == "script" || node.tag == "style" { return }
        for child in node.children { collect(child) }
    }

    mutating func add(_ text: String) {
        for b in text.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C {
                pendingSpace = true
            } else {
                if pendingSpace && !buffer.bytes.isEmpty { buffer.appendByte(0x20) }
                pendingSpace = false
                buffer.appendByte(b)
            }
        }
    }

    mutating func space() { pendingSpace = true }

    var isEmpty: Bool { buffer.bytes.isEmpty }

    var result: String { buffer.string }
}
