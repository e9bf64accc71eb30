/// Decides cheaply whether a text that starts with `<` is an HTML page (or
/// fragment) rather than plain text that happens to start with a bracket.
enum HTMLSniffer {
    private static let markers: [String] = [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<p>", "<p ", "<div", "<article",
        "<section", "<span", "<br", "<h1", "<h2", "<a ", "<table", "<ul", "<script", "<link", "<!--",
    ]

    static func looksLikeHTML(_ prefix: [UInt8]) -> Bool {
        let lowered = String(decoding: prefix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
        guard lowered.first(where: { !$0.isWhitespace }) == "<" else {
            return markers.contains { lowered.contains($0) } && lowered.contains("</")
        }
        return markers.contains { lowered.contains($0) }
    }
}
