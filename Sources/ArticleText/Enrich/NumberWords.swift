/// Number words, multipliers, percent words and currencies of
/// `EnrichData/number-words.json`, folded for lookup.
struct NumberWords: Sendable {
    private struct File: Decodable {
        var values: [String: [String: Double]]
        var multipliers: [String: [String: Double]]
        var percent: [String: [String]]
        var currencies: [String: String]
    }

    static let shared = NumberWords()

    let values: WordTable<Double>
    let multipliers: WordTable<Double>
    let percentWords: WordSet
    /// By folded word or symbol ("دولار", "$").
    let currencies: WordTable<String>

    private init() {
        let file = EnrichResource.decode(File.self, from: "number-words")
        func folded(_ table: [String: [String: Double]]) -> WordTable<Double> {
            var out: [String: Double] = [:]
            for entries in table.values {
                for (word, value) in entries { out[Normaliser.fold(word)] = value }
            }
            return WordTable(out.map { (FoldedWord($0.key), $0.value) })
        }
        values = folded(file.values)
        multipliers = folded(file.multipliers)
        percentWords = WordSet(file.percent.values.flatMap { $0 }.map { FoldedWord(folding: $0) })
        var currencies: [String: String] = [:]
        for (word, code) in file.currencies { currencies[Normaliser.fold(word)] = code }
        self.currencies = WordTable(currencies.map { (FoldedWord($0.key), $0.value) })
    }
}
