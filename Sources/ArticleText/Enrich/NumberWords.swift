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

    let values: [String: Double]
    let multipliers: [String: Double]
    let percentWords: Set<String>
    let currencies: [String: String]

    private init() {
        let file = EnrichResource.decode(File.self, from: "number-words")
        func folded(_ table: [String: [String: Double]]) -> [String: Double] {
            var out: [String: Double] = [:]
            for entries in table.values {
                for (word, value) in entries { out[Normaliser.fold(word)] = value }
            }
            return out
        }
        values = folded(file.values)
        multipliers = folded(file.multipliers)
        percentWords = Set(file.percent.values.flatMap { $0 }.map(Normaliser.fold))
        var currencies: [String: String] = [:]
        for (word, code) in file.currencies { currencies[Normaliser.fold(word)] = code }
        self.currencies = currencies
    }
}
