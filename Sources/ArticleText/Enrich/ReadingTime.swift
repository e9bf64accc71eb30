/// Reading time in seconds: words divided by a reading speed — 180 words a
/// minute for Arabic (longer words, denser script), 200 for every other
/// language — rounded up to whole seconds.
enum ReadingTime: EnrichmentStep {
    static func wordsPerMinute(_ language: String?) -> Double {
        language == "ar" || language == "fa" || language == "ur" ? 180 : 200
    }

    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let words = input.tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) }
        result.readingTimeSeconds = Int((Double(words) / wordsPerMinute(result.language) * 60).rounded(.up))
    }
}
