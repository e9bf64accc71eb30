/// One token of a folded line: a run of letters, a run of digits, or one
/// other visible character. Date, label and byline recognition work on these
/// so every scanner is a bounded look-ahead over an array (linear time).
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case word
        case number
        case symbol
    }

    var kind: Kind
    /// The folded text (see `MatchKey`).
    var text: String
    /// The value of a number token (capped at 1,000,000), else 0.
    var value: Int
    /// How many digits a number token has.
    var digits: Int
    /// Whether whitespace came before the token.
    var spaced: Bool

    var isWord: Bool { kind == .word }
    var isNumber: Bool { kind == .number }
    func isSymbol(_ any: String) -> Bool { kind == .symbol && any.contains(text) }
}
