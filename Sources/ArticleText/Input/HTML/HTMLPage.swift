/// One HTML page, tokenized and built into a tree once, from which the
/// decoder takes the article's text lines and the page's metadata.
struct HTMLPage {
    let lines: [String]
    let metadata: DocumentMetadata
    /// The page's own summary, the text of last resort for pages whose body
    /// holds nothing readable (script-rendered pages).
    let summary: String?

    init(_ html: String) {
        let bytes = Array(html.utf8)
        let root = HTMLTreeBuilder.build(HTMLTokenizer(bytes).tokens())
        let reader = HTMLMetadataReader(root, html: bytes)
        let extractor = MainTextExtractor(root: root, measure: TextMeasure(root))
        let stated = reader.statedTitle
        var lines = extractor.lines(titleHints: [stated].compactMap { $0 }, siteName: nil)
        let metadata = reader.metadata(textLines: lines)
        if let site = metadata.outlet, lines.first == site {
            lines.removeFirst()
        }
        let related = RelatedLinks.lines(root)
        if let header = related.first {
            if let at = lines.firstIndex(of: header) {
                // The extractor kept a header ("<h2>Related</h2>") standing in
                // the body but dropped its list: the block moves after the
                // article, as a dropped block does (headlines in the middle
                // of the body would read as the start of an appended article).
                if at + 1 == lines.count || lines[at + 1] != related[1] {
                    lines.remove(at: at)
                    lines += related
                }
            } else {
                lines += related
            }
        }
        self.lines = lines
        self.metadata = metadata
        self.summary = reader.summary
    }
}
