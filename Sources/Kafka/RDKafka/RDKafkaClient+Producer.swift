import Crdkafka

/// Producing: `rd_kafka_produceva` per message (librdkafka copies key, value
/// and headers), and delivery reports routed to a batch's `DeliveryTracker`.
///
/// Per-message opaque: one buffer of `count + 1` words per batch. Word 0 holds
/// the retained tracker; word `i + 1` holds `i` and is message `i`'s opaque,
/// so a report finds both its index and its tracker without allocating.
extension RDKafkaClient {
    struct DeliverySlots: @unchecked Sendable {
        // Sendable proof: the buffer is written once before any message is
        // enqueued and afterwards only read (by delivery callbacks) until the
        // tracker completes, at which point exactly one party frees it.
        let base: UnsafeMutablePointer<Int>

        init(tracker: DeliveryTracker) {
            base = .allocate(capacity: tracker.count + 1)
            base[0] = Int(bitPattern: Unmanaged.passRetained(tracker).toOpaque())
            for index in 0..<tracker.count { base[index + 1] = index }
        }

        func opaque(for index: Int) -> UnsafeMutableRawPointer {
            UnsafeMutableRawPointer(base + index + 1)
        }

        /// Releases the tracker and the buffer; called once, when the tracker completes.
        func release() {
            Unmanaged<DeliveryTracker>.fromOpaque(UnsafeRawPointer(bitPattern: base[0])!).release()
            base.deallocate()
        }
    }

    /// Enqueues one message. Returns `nil` when enqueued, else the error
    /// (`.queueFull` means: wait for deliveries and retry).
    func produce(_ message: KafkaProducerMessage, opaque: UnsafeMutableRawPointer) -> KafkaError? {
        var headers: OpaquePointer?
        if !message.headers.isEmpty {
            headers = rd_kafka_headers_new(message.headers.count)
            for header in message.headers {
                if let value = header.value {
                    value.withUnsafeBytes { bytes in
                        _ = rd_kafka_header_add(headers, header.key, -1, bytes.baseAddress, bytes.count)
                    }
                } else {
                    _ = rd_kafka_header_add(headers, header.key, -1, nil, 0)
                }
            }
        }
        let failure: OpaquePointer? = message.topic.withCString { topic in
            Self.withBytes(message.key) { key, keyLength in
                Self.withBytes(message.value) { value, valueLength in
                    var fields = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 8)
                    var count = 0
                    func add(_ type: rd_kafka_vtype_t, _ fill: (inout rd_kafka_vu_t) -> Void) {
                        fields[count].vtype = type
                        fill(&fields[count])
                        count += 1
                    }
                    add(RD_KAFKA_VTYPE_TOPIC) { $0.u.cstr = topic }
                    add(RD_KAFKA_VTYPE_PARTITION) { $0.u.i32 = message.partition ?? RDKafkaConstants.partitionUnassigned }
                    add(RD_KAFKA_VTYPE_MSGFLAGS) { $0.u.i = RDKafkaConstants.messageFlagCopy }
                    add(RD_KAFKA_VTYPE_OPAQUE) { $0.u.ptr = opaque }
                    if let value {
                        add(RD_KAFKA_VTYPE_VALUE) {
                            $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: value)
                            $0.u.mem.size = valueLength
                        }
                    }
                    if let key {
                        add(RD_KAFKA_VTYPE_KEY) {
                            $0.u.mem.ptr = UnsafeMutableRawPointer(mutating: key)
                            $0.u.mem.size = keyLength
                        }
                    }
                    if let timestamp = message.timestampMilliseconds {
                        add(RD_KAFKA_VTYPE_TIMESTAMP) { $0.u.i64 = timestamp }
                    }
                    if let headers {
                        add(RD_KAFKA_VTYPE_HEADERS) { $0.u.headers = headers }
                    }
                    return rd_kafka_produceva(handle, &fields, count)
                }
            }
        }
        guard let failure else { return nil }
        // On failure librdkafka did not take the headers.
        if let headers { rd_kafka_headers_destroy(headers) }
        return Self.consume(error: failure)
    }

    private static func withBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeRawPointer?, Int) -> R) -> R {
        guard let bytes else { return body(nil, 0) }
        return bytes.withUnsafeBytes { buffer in
            // An empty array may have no base address; a zero-length value is still a value.
            body(buffer.baseAddress ?? UnsafeRawPointer(bitPattern: 1), buffer.count)
        }
    }

    static func handleDelivery(_ message: UnsafePointer<rd_kafka_message_t>, context: RDKafkaClientContext) {
        let fields = message.pointee
        if let opaque = fields._private {
            let failed = fields.err != RD_KAFKA_RESP_ERR_NO_ERROR
            let report = KafkaDeliveryReport(
                topic: String(cString: rd_kafka_topic_name(fields.rkt)),
                partition: fields.partition,
                offset: failed ? .invalid : KafkaOffset(fields.offset),
                error: failed ? error(fields.err) : nil
            )
            if let ticket = DeliveryTicket.ticket(in: opaque) {
                context.deliveryHandler?(ticket, report)
            } else {
                let slot = opaque.assumingMemoryBound(to: Int.self)
                let index = slot.pointee
                let slots = DeliverySlots(existing: slot - (index + 1))
                let tracker = Unmanaged<DeliveryTracker>.fromOpaque(UnsafeRawPointer(bitPattern: slots.base[0])!).takeUnretainedValue()
                if tracker.record(report, at: index) { slots.release() }
            }
        }
        if context.progress.hasWaiters { context.progress.advance() }
    }

    /// The size librdkafka checks against `message.max.bytes` before it takes
    /// a message (`rd_kafka_msg_max_wire_size`): the v2 record overhead plus
    /// key, value and serialized headers. Errs on the large side by a few bytes.
    static func wireSize(of message: KafkaProducerMessage) -> Int {
        let recordOverhead = 5 + 10 + 10 + 5 + 5 + 5 + 5 + 1 + 10
        let headers = message.headers.reduce(0) { total, header in
            total + 5 + header.key.utf8.count + 5 + (header.value?.count ?? 0)
        }
        return recordOverhead + (message.key?.count ?? 0) + (message.value?.count ?? 0) + headers
    }

    /// The client's effective `message.max.bytes`.
    var maxMessageBytes: Int {
        var buffer = [CChar](repeating: 0, count: 32)
        var size = buffer.count
        guard let conf = rd_kafka_conf(handle), rd_kafka_conf_get(conf, "message.max.bytes", &buffer, &size) == RD_KAFKA_CONF_OK,
              let value = Int(Self.string(buffer))
        else { return 1_000_000 }
        return value
    }

    /// The producer's poll loop: blocks in `rd_kafka_poll`, which serves
    /// delivery reports, errors and statistics as they arrive.
    func runProducerLoop(_ thread: PollThread) {
        while !thread.isStopping {
            if rd_kafka_poll(handle, 1000) > 0 {
                context.progress.advance()
            }
        }
    }

    /// Messages and requests not yet delivered (`rd_kafka_outq_len`).
    var outstandingCount: Int { Int(rd_kafka_outq_len(handle)) }

    /// `rd_kafka_flush` up to `timeout`, in slices of at most `flushSlice`,
    /// so that a cancelled caller (`stop`) is noticed between them: a flush
    /// waiting on a broker that is down would otherwise hold its caller for
    /// the whole timeout. Blocks; call through `CancellationFlag.run`.
    func flush(timeout: Duration, stop: CancellationFlag) -> KafkaError? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - .now
            let result = rd_kafka_flush(handle, Self.milliseconds(min(max(left, .zero), Self.flushSlice)))
            guard result == RD_KAFKA_RESP_ERR__TIMED_OUT else {
                return result == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(result)
            }
            if stop.isCancelled {
                return Self.error(RD_KAFKA_RESP_ERR__INTR, message: "the flush was cancelled with \(outstandingCount) messages undelivered")
            }
            if left <= Self.flushSlice { return Self.error(result) }
        }
    }

    /// How long one `rd_kafka_flush` call of `flush(timeout:stop:)` may block:
    /// the most a cancelled flush takes to return.
    static let flushSlice = Duration.milliseconds(100)
}

extension RDKafkaClient.DeliverySlots {
    init(existing base: UnsafeMutablePointer<Int>) { self.base = base }
}
