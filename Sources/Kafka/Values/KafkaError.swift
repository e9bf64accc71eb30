/// An error from librdkafka or from this layer, carrying librdkafka's code
/// (`rd_kafka_resp_err_t`), its symbolic name and a readable sentence.
///
/// One type for every Kafka failure so callers can log, match on `code`, and
/// decide on retries (`isRetriable`), aborting a transaction
/// (`transactionRequiresAbort`) or giving up (`isFatal`).
public struct KafkaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// librdkafka's error code.
    public var code: KafkaErrorCode
    /// librdkafka's name for the code, e.g. `_QUEUE_FULL` or `UNKNOWN_TOPIC_OR_PART`.
    public var name: String
    /// What went wrong, as one sentence.
    public var message: String
    /// The client cannot continue and must be recreated.
    public var isFatal: Bool
    /// Retrying the same operation may succeed.
    public var isRetriable: Bool
    /// The current transaction must be aborted before continuing.
    public var transactionRequiresAbort: Bool

    public init(
        code: KafkaErrorCode,
        name: String,
        message: String,
        isFatal: Bool = false,
        isRetriable: Bool = false,
        transactionRequiresAbort: Bool = false
    ) {
        self.code = code
        self.name = name
        self.message = message
        self.isFatal = isFatal
        self.isRetriable = isRetriable
        self.transactionRequiresAbort = transactionRequiresAbort
    }

    public var description: String {
        "\(message) [\(name) (\(code.rawValue))\(isFatal ? ", fatal" : "")]"
    }

    /// A configuration key or value librdkafka rejected. librdkafka's text
    /// quotes the value, which may be a secret (`sasl.password`), so the
    /// text is used only when it does not contain the value.
    static func configuration(key: String, reason: String, value: String) -> KafkaError {
        let shown = value.isEmpty || !reason.contains(value) ? reason : "librdkafka rejected its value (not shown here)"
        return KafkaError(code: .invalidArgument, name: "_INVALID_ARG", message: "invalid Kafka configuration '\(key)': \(shown)")
    }

    /// A bad argument given to this layer (e.g. a malformed broker list).
    static func invalidArgument(_ message: String) -> KafkaError {
        KafkaError(code: .invalidArgument, name: "_INVALID_ARG", message: message)
    }

    /// The client has been closed.
    static let closed = KafkaError(code: .destroyed, name: "_DESTROY", message: "the Kafka client is closed")
}
