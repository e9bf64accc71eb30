/// How often one field was right over a labelled set, with precision and
/// recall where a field has something to find: a value the label states
/// (expected) and a value the stages gave (predicted).
public struct FieldScore: Sendable, Hashable {
    public var field: String
    /// Files where the output equals the label (a `null` label is right only
    /// when the output is `null` too).
    public var correct: Int
    public var total: Int
    /// Outputs that were not empty, and how many of them were right.
    public var predicted: Int
    public var predictedRight: Int
    /// Labels that were not empty, and how many of them were found.
    public var expected: Int
    public var expectedFound: Int

    public init(
        field: String, correct: Int = 0, total: Int = 0,
        predicted: Int = 0, predictedRight: Int = 0, expected: Int = 0, expectedFound: Int = 0
    ) {
        self.field = field
        self.correct = correct
        self.total = total
        self.predicted = predicted
        self.predictedRight = predictedRight
        self.expected = expected
        self.expectedFound = expectedFound
    }

    /// Share right, 0…1 (1 for an empty set).
    public var accuracy: Double { total == 0 ? 1 : Double(correct) / Double(total) }
    /// Share of non-empty outputs that were right; `nil` when nothing was output.
    public var precision: Double? { predicted == 0 ? nil : Double(predictedRight) / Double(predicted) }
    /// Share of non-empty labels that were found; `nil` when no label had a value.
    public var recall: Double? { expected == 0 ? nil : Double(expectedFound) / Double(expected) }

    /// Adds one file's verdict: `expected`/`got` are whether the label and
    /// the output have a value, `right` whether they agree.
    mutating func add(expected hasLabel: Bool, got hasOutput: Bool, right: Bool) {
        total += 1
        if right { correct += 1 }
        if hasLabel { expected += 1 }
        if hasOutput { predicted += 1 }
        if hasLabel && hasOutput && right {
            expectedFound += 1
            predictedRight += 1
        }
    }
}
