/// Where `newswire process` read an input: the file path as given (`-` for
/// standard input) and, when each line is its own input (`--lines`), the
/// 1-based line. Written as the record's `sourceFile` from schema versions
/// that have it (article.normalised and article.parsed 1.1, article.enriched
/// 1.2 and 2.1); `null` on records made from Kafka, whose position is `source`.
public struct SourceFile: Sendable, Hashable, Encodable {
    public var path: String
    public var line: Int?

    public init(path: String, line: Int? = nil) {
        self.path = path
        self.line = line
    }

    private enum CodingKeys: String, CodingKey { case path, line }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(line, forKey: .line)
    }
}
