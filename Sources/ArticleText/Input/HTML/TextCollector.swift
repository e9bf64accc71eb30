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
