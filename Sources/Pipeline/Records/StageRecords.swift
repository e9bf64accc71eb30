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
public enum StageRecords {
    public static func encode(
        _ result: TextStages.Output, stages: Set<Stage>, enrichedVersion: SchemaVersion, source: SourcePosition?,
        pipelineVersion: String = PipelineVersion.current
    ) throws -> [EncodedRecord] {
        var records: [EncodedRecord] = []
        if stages.contains(.normalise) {
            let record = ArticleRecord.normalised(result.normalised, id: result.inputID, source: source, pipelineVersion: pipelineVersion)
            records.append(try encoded(record, .normalised, latestMajorOne(.normalised)))
        }
        if stages.contains(.parse) {
            for article in result.articles {
                let record = ArticleRecord.parsed(article.parsed, searchText: article.searchText, source: source, pipelineVersion: pipelineVersion)
                records.append(try encoded(record, .parsed, latestMajorOne(.parsed)))
            }
        }
        if stages.contains(.enrich) {
            for article in result.articles {
                guard let enrichment = article.enrichment else { continue }
                let record = ArticleRecord.enriched(
                    article.parsed, enrichment: enrichment, searchText: article.searchText, source: source,
                    pipelineVersion: pipelineVersion
                )
                records.append(try encoded(record, .enriched, enrichedVersion))
            }
        }
        return records
    }

    private static func encoded(_ record: ArticleRecord, _ schema: SchemaName, _ version: SchemaVersion) throws -> EncodedRecord {
        EncodedRecord(schema: schema, version: version, id: record.id, bytes: try RecordEncoding.encode(record, schema: schema, version: version))
    }

    private static func latestMajorOne(_ schema: SchemaName) -> SchemaVersion {
        RecordEncoding.latest(schema, major: 1) ?? SchemaVersion(major: 1, minor: 0)
    }
}
