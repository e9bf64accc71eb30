/// The enrichments in the order they run; later ones may read what earlier
/// ones wrote (entities read the language, quotes read the entities).
enum EnrichmentSteps {
    static let all: [any EnrichmentStep.Type] = [
        LanguageDetection.self,
        EntityRecognition.self,
        QuoteExtraction.self,
        NumberExtraction.self,
        TopicScoring.self,
        KeywordExtraction.self,
        ReadingTime.self,
        SimHashFingerprint.self,
    ]
}
