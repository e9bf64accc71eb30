/// Counts of what normalisation removed or met. Quotes and dashes are kept in
/// the text but recorded here.
public struct NormalisationReport: Sendable, Hashable, Codable {
    public var removedControls: Int
    public var removedTatweel: Int
    public var unifiedWhitespace: Int
    public var quotes: Int
    public var dashes: Int

    public init(removedControls: Int = 0, removedTatweel: Int = 0, unifiedWhitespace: Int = 0, quotes: Int = 0, dashes: Int = 0) {
        self.removedControls = removedControls
        self.removedTatweel = removedTatweel
        self.unifiedWhitespace = unifiedWhitespace
        self.quotes = quotes
        self.dashes = dashes
    }
}
