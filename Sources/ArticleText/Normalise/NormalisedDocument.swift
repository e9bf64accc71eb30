import Foundation

/// The normalise stage's result: the faithful `text` (NFC, invisible and bidi
/// controls and tatweel removed, whitespace unified, the text's own digits
/// kept) and the folded `searchText` for matching. Metadata strings are
/// normalised the same way.
public struct NormalisedDocument: Sendable, Hashable {
    public var text: String
    public var searchText: String
    public var format: InputFormat
    public var metadata: DocumentMetadata
    public var receivedAt: Date?
    /// What normalisation changed, for the record and for debugging.
    public var report: NormalisationReport

    public init(
        text: String, searchText: String, format: InputFormat, metadata: DocumentMetadata,
        receivedAt: Date?, report: NormalisationReport
    ) {
        self.text = text
        self.searchText = searchText
        self.format = format
        self.metadata = metadata
        self.receivedAt = receivedAt
        self.report = report
    }
}
