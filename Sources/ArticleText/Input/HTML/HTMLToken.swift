/// One lexical unit of an HTML page as the tolerant tokenizer sees it.
/// Comments, doctypes and processing instructions are dropped while
/// tokenizing; text and attribute values arrive with entities decoded.
enum HTMLToken {
    case startTag(name: String, attributes: HTMLAttributes, selfClosing: Bool)
    case endTag(name: String)
    case text(String)
    /// The undecoded content of a `<script>` or `<style>` element.
    case rawText(String)
}
