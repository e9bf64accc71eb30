/// A node of the forgiving document tree the HTML decoder builds: an element
/// (lower-case `tag`, attributes, children) or a text node (`tag` empty).
/// Lives only while one page is decoded, on one task.
final class HTMLNode {
    let tag: String
    let attributes: HTMLAttributes
    var text: String
    var children: [HTMLNode] = []
    /// Filled by `TextMeasure`: visible characters, characters inside links,
    /// links and paragraphs below this node.
    var counts = TextMeasure.Counts()
    /// Filled while `MainTextExtractor` scores containers.
    var score: Double?
    /// Filled on text nodes by `RelatedLinks`, which reads the same text
    /// nodes again for every ancestor it tries as a block.
    var related: RelatedLinks.Label?
    /// Filled by `BoilerplateRules.isHinted`, asked about the same element
    /// while scoring, while writing and for class weights.
    var hinted: Bool?

    init(tag: String, attributes: HTMLAttributes = HTMLAttributes(), text: String = "") {
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
