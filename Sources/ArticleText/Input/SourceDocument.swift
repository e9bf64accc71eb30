import Foundation

/// A decoded input: plain text with one paragraph or line per `\n`-separated
/// line (HTML reduced to its main text), plus the metadata found beside it.
/// This is what the normalise stage reads.
public struct SourceDocument: Sendable, Hashable {
    public var text: String
    /// The form actually found (never `.auto`).
    public var format: InputFormat
    public var metadata: DocumentMetadata
    public var receivedAt: Date?

    public init(text: String, format: InputFormat, metadata: DocumentMetadata = DocumentMetadata(), receivedAt: Date? = nil) {
        self.text = text
        self.format = format
        self.metadata = metadata
        self.receivedAt = receivedAt
    }
}
