import ArticleText

/// One output record, encoded: which schema and version it is, its key (the
/// article id) and its JSON bytes.
public struct EncodedRecord: Sendable, Hashable {
    public var schema: SchemaName
    public var version: SchemaVersion
    public var id: String
    public var bytes: [UInt8]
}

/// Turns what the text stages made of one input into encoded records: the
/// normalised record, then a parsed record per article, then an enriched
/// record per article — for the stages asked for. The worker publishes all
/// three; `newswire process` prints the last. One place, so online and
/// offline records are the same bytes.
///
/// Keys: every record of an article is keyed by the article's id, on every
/// stage's topic, so consumers can join them. The normalised record (one per
/// input, which may hold several articles) is keyed by the id of the input's
/// first article; an article split out of it carries that id as `parentId`.
/// Only when parse found no article (the worker dead-letters the input then)
/// is the normalised record keyed by the input's own content id.
public enum StageRecords {
    public static func encode(
        _ result: TextStages.Output, stages: Set<Stage>, enrichedVersion: SchemaVersion, source: SourcePosition?,
        sourceFile: SourceFile? = nil, pipelineVersion: String = PipelineVersion.current
    ) throws -> [EncodedRecord] {
        var records: [EncodedRecord] = []
        if stages.contains(.normalise) {
            let id = result.articles.first?.parsed.id ?? result.inputID
            let record = ArticleRecord.normalised(result.normalised, id: id, source: source, pipelineVersion: pipelineVersion)
            records.append(try encoded(record, .normalised, latestMajorOne(.normalised), sourceFile))
        }
        if stages.contains(.parse) {
            for article in result.articles {
                let record = ArticleRecord.parsed(article.parsed, searchText: article.searchText, source: source, pipelineVersion: pipelineVersion)
                records.append(try encoded(record, .parsed, latestMajorOne(.parsed), sourceFile))
            }
        }
        if stages.contains(.enrich) {
            for article in result.articles {
                guard let enrichment = article.enrichment else { continue }
                let record = ArticleRecord.enriched(
                    article.parsed, enrichment: enrichment, searchText: article.searchText, source: source,
                    pipelineVersion: pipelineVersion
                )
                records.append(try encoded(record, .enriched, enrichedVersion, sourceFile))
            }
        }
        return records
    }

    private static func encoded(
        _ record: ArticleRecord, _ schema: SchemaName, _ version: SchemaVersion, _ sourceFile: SourceFile?
    ) throws -> EncodedRecord {
        let bytes = try RecordEncoding.encode(record, schema: schema, version: version, sourceFile: sourceFile)
        return EncodedRecord(schema: schema, version: version, id: record.id, bytes: bytes)
    }

    private static func latestMajorOne(_ schema: SchemaName) -> SchemaVersion {
        RecordEncoding.latest(schema, major: 1) ?? SchemaVersion(major: 1, minor: 0)
    }
}
