/// Builds the record each stage publishes from that stage's result, so every
/// caller (the worker, `newswire process`, tests) fills the same fields the
/// same way: what a stage has not reached stays `nil` (encoded as `null`).
extension ArticleRecord {
    /// The normalised record: the whole normalised input as `text`, the
    /// metadata that arrived beside it, nothing parsed or enriched yet.
    public static func normalised(
        _ document: NormalisedDocument, id: String, source: SourcePosition?, pipelineVersion: String
    ) -> ArticleRecord {
        let metadata = document.metadata
        return ArticleRecord(
            id: id, schema: "article.normalised", schemaVersion: "1.0", language: metadata.language,
            title: metadata.title, publishedAt: metadata.publishedAt, updatedAt: metadata.updatedAt,
            outlet: metadata.outlet, url: metadata.url, text: document.text, searchText: document.searchText,
            source: source, pipelineVersion: pipelineVersion
        )
    }

    /// The parsed record of one article. `searchText` is the folded form of
    /// `article.text` (the normalise stage's folding applied to it).
    public static func parsed(
        _ article: ParsedArticle, searchText: String, source: SourcePosition?, pipelineVersion: String
    ) -> ArticleRecord {
        ArticleRecord(
            id: article.id, parentId: article.parentId, schema: "article.parsed", schemaVersion: "1.0",
            language: article.declaredLanguage, title: article.title, publishedAt: article.publishedAt,
            updatedAt: article.updatedAt, outlet: article.outlet, agency: article.agency, dateline: article.dateline,
            url: article.url, paragraphs: article.paragraphs, text: article.text, searchText: searchText,
            related: article.related, source: source, pipelineVersion: pipelineVersion
        )
    }

    /// The enriched record: the parsed record plus what enrich found. The
    /// language is the detected one, else the one the input declared.
    public static func enriched(
        _ article: ParsedArticle, enrichment: Enrichment, searchText: String, source: SourcePosition?,
        pipelineVersion: String
    ) -> ArticleRecord {
        var record = parsed(article, searchText: searchText, source: source, pipelineVersion: pipelineVersion)
        record.schema = "article.enriched"
        record.schemaVersion = "1.1"
        record.language = enrichment.language ?? article.declaredLanguage
        record.languageConfidence = enrichment.language == nil ? nil : enrichment.languageConfidence
        record.script = enrichment.script
        record.entities = enrichment.entities
        record.quotes = enrichment.quotes
        record.numbers = enrichment.numbers
        record.topics = enrichment.topics
        record.keywords = enrichment.keywords
        record.readingTimeSeconds = enrichment.readingTimeSeconds
        record.fingerprint = enrichment.fingerprint
        return record
    }
}
