import ArticleText

/// The headers of every output record: schema identity (so a consumer can
/// pick a decoder without reading the value), where the input came from,
/// which build made it, and the input's trace context passed on.
public enum OutputHeaders {
    /// `content-type`, `newswire-schema`, `newswire-schema-version`,
    /// `newswire-source` (when the input has a position), `newswire-pipeline`,
    /// then `traceparent`/`tracestate` from `inputHeaders` when valid.
    public static func make(
        schema: SchemaName, version: SchemaVersion, source: SourcePosition?,
        pipelineVersion: String = PipelineVersion.current, inputHeaders: [RecordHeader] = []
    ) -> [RecordHeader] {
        var headers = [
            RecordHeader(name: HeaderName.contentType, text: "application/json"),
            RecordHeader(name: HeaderName.schema, text: schema.rawValue),
            RecordHeader(name: HeaderName.schemaVersion, text: version.description),
        ]
        if let source {
            headers.append(RecordHeader(name: HeaderName.source, text: source.headerValue))
        }
        headers.append(RecordHeader(name: HeaderName.pipeline, text: pipelineVersion))
        return headers + TraceContext.propagated(from: inputHeaders)
    }
}
