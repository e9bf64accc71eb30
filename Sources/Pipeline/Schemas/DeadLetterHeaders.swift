import ArticleText

/// The headers of a dead-letter message (schema `article.deadletter` 1.0).
/// The message keeps the input's key and value bytes unchanged so it can be
/// re-driven exactly; the failure is described only in headers. The input's
/// own headers are kept, except those this set replaces and an invalid
/// trace context.
public enum DeadLetterHeaders {
    public static let version = SchemaVersion(major: 1, minor: 0)
    /// The version of a truncated dead letter, whose extra headers 1.1 describes.
    public static let truncatedVersion = SchemaVersion(major: 1, minor: 1)

    /// The input's headers (minus the ones written here), then the
    /// dead-letter set, then the valid trace context.
    public static func make(
        stage: DeadLetterStage, code: String, reason: String, source: SourcePosition, attempt: Int,
        pipelineVersion: String = PipelineVersion.current, inputHeaders: [RecordHeader] = []
    ) -> [RecordHeader] {
        let replaced: Set<String> = [
            HeaderName.schema, HeaderName.schemaVersion, HeaderName.source, HeaderName.pipeline,
            HeaderName.deadLetterStage, HeaderName.deadLetterCode, HeaderName.deadLetterReason,
            HeaderName.deadLetterAttempt, HeaderName.traceparent, HeaderName.tracestate,
        ]
        let kept = inputHeaders.filter { !replaced.contains($0.name.lowercased()) }
        let own = [
            RecordHeader(name: HeaderName.schema, text: SchemaName.deadLetter.rawValue),
            RecordHeader(name: HeaderName.schemaVersion, text: version.description),
            RecordHeader(name: HeaderName.deadLetterStage, text: stage.rawValue),
            RecordHeader(name: HeaderName.deadLetterCode, text: code),
            RecordHeader(name: HeaderName.deadLetterReason, text: reason),
            RecordHeader(name: HeaderName.source, text: source.headerValue),
            RecordHeader(name: HeaderName.deadLetterAttempt, text: String(max(1, attempt))),
            RecordHeader(name: HeaderName.pipeline, text: pipelineVersion),
        ]
        return kept + own + TraceContext.propagated(from: inputHeaders)
    }

    /// The dead-letter headers for a text-stage failure.
    public static func make(
        for error: ArticleTextError, source: SourcePosition, attempt: Int,
        pipelineVersion: String = PipelineVersion.current, inputHeaders: [RecordHeader] = []
    ) -> [RecordHeader] {
        make(
            stage: DeadLetterStage(error.stage), code: error.code.rawValue, reason: error.reason, source: source,
            attempt: attempt, pipelineVersion: pipelineVersion, inputHeaders: inputHeaders
        )
    }

    /// The attempt recorded on a message that is already a dead letter, so
    /// a re-drive that fails again can write the next one; `nil` otherwise.
    public static func attempt(in headers: [RecordHeader]) -> Int? {
        headers.last { $0.name == HeaderName.deadLetterAttempt }?.text.flatMap { Int($0) }
    }

    /// The header set as the JSON object `Schemas/article.deadletter` describes
    /// (name → UTF-8 text; a later header of the same name wins).
    public static func jsonObject(_ headers: [RecordHeader]) -> [String: String] {
        var object: [String: String] = [:]
        for header in headers {
            object[header.name] = String(decoding: header.value, as: UTF8.self)
        }
        return object
    }
}
