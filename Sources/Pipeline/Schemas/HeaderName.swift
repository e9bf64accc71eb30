/// Header names Newswire writes. Tools filter and route on them.
public enum HeaderName {
    public static let contentType = "content-type"
    public static let schema = "newswire-schema"
    public static let schemaVersion = "newswire-schema-version"
    public static let source = "newswire-source"
    public static let pipeline = "newswire-pipeline"
    public static let traceparent = "traceparent"
    public static let tracestate = "tracestate"
    public static let deadLetterStage = "newswire-dlq-stage"
    public static let deadLetterCode = "newswire-dlq-code"
    public static let deadLetterReason = "newswire-dlq-reason"
    public static let deadLetterAttempt = "newswire-dlq-attempt"
}
