import Logging

/// A producer: send batches with keys, headers and explicit or partitioner-
/// chosen partitions, await their delivery reports, flush, and run transactions.
///
/// Two ways to send: `send(_:)` hands over a batch and returns its pending
/// reports; `enqueue(_:ticket:)` hands over one message and its report later
/// goes to the `deliveryHandler` given at creation, tagged with the ticket —
/// the streaming form, for applications that track many messages at once.
///
/// When librdkafka's local queue is full, both wait for deliveries to make
/// room (backpressure) instead of failing. A dedicated thread blocks in
/// `rd_kafka_poll` to serve delivery reports as they arrive.
public final class KafkaProducer: Sendable {
    /// Receives the report of a message sent with `enqueue(_:ticket:)`. It
    /// runs on the producer's delivery thread: return quickly, never block.
    public typealias DeliveryHandler = @Sendable (_ ticket: UInt64, _ report: KafkaDeliveryReport) -> Void

    let client: RDKafkaClient
    private let pollThread: PollThread

    /// Decoded statistics, when `statisticsInterval` is set.
    public let statistics: AsyncStream<KafkaStatistics>

    /// The producer's `message.max.bytes`: librdkafka refuses a message whose
    /// `wireSize(of:)` is larger, and a broker may have a lower limit still.
    public let maxMessageBytes: Int

    public init(
        configuration: KafkaProducerConfiguration, logger: Logger = Logger(label: "newswire.kafka.producer"),
        deliveryHandler: DeliveryHandler? = nil
    ) throws(KafkaError) {
        let context = RDKafkaClientContext(logger: logger, events: nil, deliveryHandler: deliveryHandler)
        let client = try RDKafkaClient(kind: .producer, properties: configuration.librdkafkaProperties, context: context)
        self.client = client
        self.statistics = context.statistics
        self.maxMessageBytes = client.maxMessageBytes
        self.pollThread = PollThread(name: "kafka-producer") { thread in
            client.runProducerLoop(thread)
        }
    }

    deinit {
        pollThread.requestStop()
        client.wakePollThread()
    }

    /// Hands every message to librdkafka, awaiting queue space when the local
    /// queue is full, and returns the pending delivery reports. Throws only on
    /// a fatal client error; per-message failures are in the reports.
    public func send(_ messages: [KafkaProducerMessage]) async throws(KafkaError) -> KafkaDeliveries {
        if let fatal = client.context.fatalError.withLock({ $0 }) { throw fatal }
        let tracker = DeliveryTracker(count: messages.count)
        let slots = RDKafkaClient.DeliverySlots(tracker: tracker)
        let progress = client.context.progress
        var index = 0
        while index < messages.count {
            let seen = progress.generation
            guard let failure = client.produce(messages[index], opaque: slots.opaque(for: index)) else {
                index += 1
                continue
            }
            if failure.code == .queueFull && !Task.isCancelled {
                await progress.wait(after: seen)
                continue
            }
            let message = messages[index]
            let report = KafkaDeliveryReport(topic: message.topic, partition: message.partition ?? -1, offset: .invalid, error: failure)
            if tracker.record(report, at: index) { slots.release() }
            index += 1
        }
        if tracker.finishEnqueueing() { slots.release() }
        return KafkaDeliveries(tracker: tracker)
    }

    /// Hands one message to librdkafka, awaiting queue space when the local
    /// queue is full; its report goes to the `deliveryHandler` with `ticket`
    /// (at most `DeliveryTicket.maximum`). Throws when the message was not
    /// taken: then no report follows (`error.kind` says what to do). A task
    /// cancelled while it waits for room gets the queue-full error.
    public func enqueue(_ message: KafkaProducerMessage, ticket: UInt64) async throws(KafkaError) {
        if let fatal = client.context.fatalError.withLock({ $0 }) { throw fatal }
        let progress = client.context.progress
        while true {
            let seen = progress.generation
            guard let failure = client.produce(message, opaque: DeliveryTicket.opaque(for: ticket)) else { return }
            guard failure.code == .queueFull, !Task.isCancelled else { throw failure }
            await progress.wait(after: seen)
        }
    }

    /// True while some `send` or `enqueue` waits for room in the local queue.
    var waitsForRoom: Bool { client.context.progress.hasWaiters }

    /// The size librdkafka compares with `maxMessageBytes` (v2 record
    /// overhead, key, value and headers), so a caller can put a record aside
    /// before sending it.
    public func wireSize(of message: KafkaProducerMessage) -> Int {
        Self.wireSize(of: message)
    }

    /// `wireSize(of:)` without a producer at hand.
    public static func wireSize(of message: KafkaProducerMessage) -> Int {
        RDKafkaClient.wireSize(of: message)
    }

    /// The fatal error librdkafka raised, if any (e.g. a fatal idempotence
    /// error): the producer cannot go on and must be recreated.
    public var fatalError: KafkaError? { client.context.fatalError.withLock { $0 } }

    /// Sends one message and returns its delivery report once the broker acknowledged it.
    public func send(_ message: KafkaProducerMessage) async throws(KafkaError) -> KafkaDeliveryReport {
        let reports = try await send([message]).delivered()
        return reports[0]
    }

    /// Returns when every queued message has a delivery report, or throws
    /// `.timedOut` after `timeout`, or `.interrupted` soon after the task is
    /// cancelled (within `RDKafkaClient.flushSlice`).
    public func flush(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        let client = client
        if let failure = await CancellationFlag.run({ client.flush(timeout: timeout, stop: $0) }) { throw failure }
    }

    /// Registers the `transactional.id` with the cluster; call once before the first transaction.
    public func initTransactions(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        let client = client
        if let failure = await BlockingCall.run({ client.initTransactions(timeout: timeout) }) { throw failure }
    }

    public func beginTransaction() throws(KafkaError) {
        if let failure = client.beginTransaction() { throw failure }
    }

    /// Adds the consumer's offsets to the current transaction, so they commit
    /// (or abort) together with what was produced.
    public func sendOffsetsToTransaction(
        _ offsets: [KafkaPartitionOffset],
        consumer: KafkaConsumer,
        timeout: Duration = .seconds(30)
    ) async throws(KafkaError) {
        let client = client
        let consumerClient = consumer.client
        if let failure = await BlockingCall.run({ client.sendOffsetsToTransaction(offsets, consumer: consumerClient, timeout: timeout) }) {
            throw failure
        }
    }

    public func commitTransaction(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        let client = client
        if let failure = await BlockingCall.run({ client.commitTransaction(timeout: timeout) }) { throw failure }
    }

    public func abortTransaction(timeout: Duration = .seconds(30)) async throws(KafkaError) {
        let client = client
        if let failure = await BlockingCall.run({ client.abortTransaction(timeout: timeout) }) { throw failure }
    }

    /// Flushes (up to `timeout`, and no longer once the task is cancelled),
    /// then stops the delivery thread. Messages still undelivered after that
    /// are reported as failed when the producer is released (purged).
    public func close(timeout: Duration = .seconds(30)) async {
        let client = client
        if let failure = await CancellationFlag.run({ client.flush(timeout: timeout, stop: $0) }) {
            client.context.logger.warning("closing the producer: \(failure)")
        }
        pollThread.requestStop()
        client.wakePollThread()
        await pollThread.join()
    }
}
