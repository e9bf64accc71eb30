/// How often one field was right over a labelled set.
public struct FieldScore: Sendable, Hashable {
    public var field: String
    public var correct: Int
    public var total: Int

    public init(field: String, correct: Int = 0, total: Int = 0) {
        self.field = field
        self.correct = correct
        self.total = total
    }

    /// Share right, 0…1 (1 for an empty set).
    public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }
}
