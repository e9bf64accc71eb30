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
    /// On a dead letter too large for the dead-letter topic: `true`, and the
    /// value holds only the head of the input (schema `article.deadletter` 1.1).
    public static let deadLetterTruncated = "newswire-dlq-truncated"
    /// The input value's size in bytes, on a truncated dead letter.
    public static let deadLetterOriginalSize = "newswire-dlq-original-size"
    /// The SHA-256 (lower-case hex) of the whole input value, on a truncated dead letter.
    public static let deadLetterSHA256 = "newswire-dlq-sha256"
}
