/// A table of phrases (each a short token sequence) with a value, looked up
/// at a position of a token array: the longest phrase starting there wins.
/// Used for month names ("كانون الثاني"), date labels ("آخر تحديث"), zones
/// and agency names. Lookups cost at most the longest phrase's length.
struct PhraseTable<Value: Sendable>: Sendable {
    private var byFirst: [String: [(words: [String], value: Value)]] = [:]
    private(set) var longest = 0

    /// Builds the table; the first value given for a phrase wins.
    init(_ pairs: [(phrase: String, value: Value)]) {
        var seen: Set<[String]> = []
        for pair in pairs {
            let words = Tokenizer.tokens(pair.phrase).map(\.text)
            guard let first = words.first, seen.insert(words).inserted else { continue }
            byFirst[first, default: []].append((words, pair.value))
            longest = max(longest, words.count)
        }
        for key in byFirst.keys { byFirst[key]?.sort { $0.words.count > $1.words.count } }
    }

    /// The longest phrase starting at `index`, as (tokens used, value).
    func match(_ tokens: [Token], at index: Int) -> (length: Int, value: Value)? {
        guard index < tokens.count, let candidates = byFirst[tokens[index].text] else { return nil }
        for candidate in candidates where index + candidate.words.count <= tokens.count {
            var ok = true
            for (offset, word) in candidate.words.enumerated() where tokens[index + offset].text != word {
                ok = false
                break
            }
            if ok { return (candidate.words.count, candidate.value) }
        }
        return nil
    }

    /// Whether the whole token array is exactly one phrase.
    func matchesWhole(_ tokens: [Token]) -> Value? {
        guard let hit = match(tokens, at: 0), hit.length == tokens.count else { return nil }
        return hit.value
    }
}
