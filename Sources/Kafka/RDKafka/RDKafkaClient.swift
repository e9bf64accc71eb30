import Crdkafka
import Logging
import Synchronization

/// The one type that holds librdkafka pointers: a `rd_kafka_t` handle and the
/// C calls made on it (creation, callbacks, produce, consume, admin, mock
/// cluster live in the `RDKafkaClient+…` files). Everything public is built
/// from safe values this type returns.
///
/// Sendable proof for `@unchecked`: the only stored state is `let` constants —
/// the `rd_kafka_t` handle, which librdkafka documents as safe to use from any
/// thread concurrently (every public API call is thread-safe), and the context
/// and kind, which are themselves `Sendable`. The handle is destroyed only in
/// `deinit`, i.e. when no other reference can use it.
final class RDKafkaClient: @unchecked Sendable {
    enum Kind: Sendable { case producer, consumer }

    let handle: OpaquePointer
    let kind: Kind
    let context: RDKafkaClientContext

    init(kind: Kind, properties: [String: String], context: RDKafkaClientContext) throws(KafkaError) {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError.invalidArgument("librdkafka could not allocate a configuration")
        }
        for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
            var errorText = [CChar](repeating: 0, count: RDKafkaConstants.errorStringSize)
            let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                throw KafkaError.configuration(key: key, reason: Self.string(errorText), value: value)
            }
        }
        Self.installCallbacks(conf, kind: kind)
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(context).toOpaque())

        var errorText = [CChar](repeating: 0, count: RDKafkaConstants.errorStringSize)
        let type = kind == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
        guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError.invalidArgument("librdkafka could not create a client: \(Self.string(errorText))")
        }
        self.handle = handle
        self.kind = kind
        self.context = context
        if kind == .consumer {
            rd_kafka_poll_set_consumer(handle)
        }
        Self.logVersion(context.logger)
    }

    deinit {
        if kind == .producer {
            // Fail what is still queued so every delivery tracker completes and
            // is released, then serve those reports before destroying.
            rd_kafka_purge(handle, RDKafkaConstants.purgeQueue | RDKafkaConstants.purgeInFlight)
            var rounds = 0
            while rd_kafka_outq_len(handle) > 0 && rounds < 50 {
                rd_kafka_poll(handle, 10)
                rounds += 1
            }
        }
        rd_kafka_destroy(handle)
        context.statisticsContinuation.finish()
    }

    /// The client's name (`rdkafka#producer-1`).
    var name: String { String(cString: rd_kafka_name(handle)) }

    /// Wakes the poll thread out of its blocking wait.
    func wakePollThread() {
        switch kind {
        case .producer:
            // `rd_kafka_yield` only works from inside a callback; yielding the
            // main queue wakes a thread blocked in `rd_kafka_poll`.
            if let queue = rd_kafka_queue_get_main(handle) {
                rd_kafka_queue_yield(queue)
                rd_kafka_queue_destroy(queue)
            }
        case .consumer:
            if let queue = rd_kafka_queue_get_consumer(handle) {
                rd_kafka_queue_yield(queue)
                rd_kafka_queue_destroy(queue)
            }
        }
    }

    /// The version is logged once per process, not once per client. Whether an
    /// old library matters depends on the broker, so warning about it is the
    /// application's call (`LibrdkafkaVersion.parsesTaggedFieldsCorrectly`).
    private static let versionLogged = Atomic<Bool>(false)

    private static func logVersion(_ logger: Logger) {
        guard !versionLogged.exchange(true, ordering: .relaxed) else { return }
        logger.debug("librdkafka \(LibrdkafkaVersion.string)")
    }

    // MARK: conversions shared by the extensions

    static func string(_ buffer: [CChar]) -> String {
        buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func error(_ code: rd_kafka_resp_err_t, message: String? = nil) -> KafkaError {
        KafkaError(
            code: KafkaErrorCode(rawValue: code.rawValue),
            name: String(cString: rd_kafka_err2name(code)),
            message: message ?? String(cString: rd_kafka_err2str(code))
        )
    }

    /// Converts and destroys an `rd_kafka_error_t`.
    static func consume(error: OpaquePointer) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            code: KafkaErrorCode(rawValue: rd_kafka_error_code(error).rawValue),
            name: String(cString: rd_kafka_error_name(error)),
            message: String(cString: rd_kafka_error_string(error)),
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            transactionRequiresAbort: rd_kafka_error_txn_requires_abort(error) != 0
        )
    }

    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    static func context(_ opaque: UnsafeMutableRawPointer?) -> RDKafkaClientContext? {
        opaque.map { Unmanaged<RDKafkaClientContext>.fromOpaque($0).takeUnretainedValue() }
    }
}

extension RDKafkaClient {
    /// `rd_kafka_test_fatal_error`: raises a fabricated fatal error, so tests
    /// can check that fatal errors surface.
    func raiseFatalErrorForTesting(_ code: KafkaErrorCode, reason: String) -> KafkaError? {
        let result = rd_kafka_test_fatal_error(handle, rd_kafka_resp_err_t(rawValue: code.rawValue), reason)
        return result == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(result)
    }
}
