/// The enrichments in the order they run; later ones may read what earlier
/// ones wrote (entities read the language, quotes read the entities).
enum EnrichmentSteps {
    typealias Apply = @Sendable (EnrichInput, inout Enrichment) -> Void

    static let all: [Apply] = [
        LanguageDetection.apply,
        EntityRecognition.apply,
        QuoteExtraction.apply,
        NumberExtraction.apply,
        TopicScoring.apply,
        KeywordExtraction.apply,
        ReadingTime.apply,
        SimHashFingerprint.apply,
    ]
}
