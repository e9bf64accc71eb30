/// The enrich stage: language and script, entities, quotes, numbers, topics,
/// keywords, reading time and a near-duplicate fingerprint for one parsed
/// article. A pure function of the article; everything it knows comes from the
/// resource files in `EnrichData/`.
public enum Enricher {
    public static func enrich(_ article: ParsedArticle) -> Enrichment {
        let input = EnrichInput(article)
        var result = Enrichment.empty
        for step in EnrichmentSteps.all {
            step(input, &result)
        }
        return result
    }
}
