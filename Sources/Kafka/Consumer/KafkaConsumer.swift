import Logging
import Synchronization

/// A group consumer: subscribe, iterate `events` (message batches, rebalances,
/// errors), commit explicit offsets, pause/resume/seek, query offsets.
///
/// A dedicated thread blocks inside librdkafka and hands each batch on as soon
/// as it arrives (no timer polling). `close()` leaves the group and ends `events`.
public final class KafkaConsumer: Sendable {
    let client: RDKafkaClient
    private let pollThread: PollThread
    private let buffer: ConsumerEventBuffer
    /// Partitions paused through this consumer and not resumed since.
    private let paused = Mutex<Set<KafkaTopicPartition>>([])

    /// Everything the consumer delivers, in order; iterate from one task.
    public let events: KafkaConsumerEvents
    /// Decoded statistics, when `statisticsInterval` is set.
    public let statistics: AsyncStream<KafkaStatistics>

    public init(configuration: KafkaConsumerConfiguration, logger: Logger = Logger(label: "newswire.kafka.consumer")) throws(KafkaError) {
        let buffer = ConsumerEventBuffer(capacity: configuration.bufferedEvents, byteCapacity: configuration.bufferedBytes)
        let context = RDKafkaClientContext(logger: logger, events: buffer)
        let client = try RDKafkaClient(kind: .consumer, properties: configuration.librdkafkaProperties, context: context)
        let batchSize = max(1, configuration.maxBatchSize)
        let batchBytes = max(1, configuration.maxBatchBytes)
        self.client = client
        self.buffer = buffer
        self.events = KafkaConsumerEvents(buffer: buffer)
        self.statistics = context.statistics
        self.pollThread = PollThread(name: "kafka-consumer") { thread in
            client.runConsumerLoop(thread, batchSize: batchSize, batchBytes: batchBytes)
        }
    }

    deinit {
        stopPolling()
    }

    /// Subscribes to these topics (names starting with `^` are regular expressions).
    public func subscribe(topics: [String]) throws(KafkaError) {
        if let failure = client.subscribe(topics) { throw failure }
    }

    /// Reads exactly these partitions from these offsets, outside any group rebalance (e.g. replay).
    ///
    /// Looks the topics up on this consumer's own connection first, as kcat
    /// does. On a fresh consumer the partitions otherwise are not yet with
    /// their leader's broker thread when the assignment starts, and librdkafka
    /// puts off the first query for a logical offset (`.beginning`, `.end`)
    /// by a fixed 500 ms. A failed lookup only loses that head start:
    /// librdkafka keeps retrying the assignment itself.
    public func assign(_ offsets: [KafkaPartitionOffset], timeout: Duration = .seconds(10)) async throws(KafkaError) {
        let client = client
        for topic in Set(offsets.map(\.topic)).sorted() {
            if case .failure(let error) = await BlockingCall.run({ client.metadata(timeout: timeout, topic: topic) }) {
                client.context.logger.debug("looking up \(topic) before assigning it: \(error)")
            }
        }
        if let failure = client.assign(offsets) { throw failure }
    }

    /// One topic's partitions and leaders, looked up on this consumer's own
    /// connection (no second client); throws when the cluster does not have it.
    public func describeTopic(_ name: String, timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaTopicMetadata {
        let client = client
        return try await BlockingCall.run { client.metadata(timeout: timeout, topic: name) }.get().existingTopic(name)
    }

    /// The partitions currently assigned to this member.
    public func assignment() throws(KafkaError) -> [KafkaTopicPartition] {
        try client.assignment().get()
    }

    /// Stops fetching these partitions (e.g. a full lane) without leaving the group.
    public func pause(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        if let failure = client.pause(partitions) { throw failure }
        paused.withLock { $0.formUnion(partitions) }
    }

    /// Fetches paused partitions again, from where they stopped. Partitions
    /// not paused through this consumer are left alone: librdkafka up to 2.3
    /// restarts the fetch of a partition resumed while not paused from a
    /// stale offset and delivers its messages again (librdkafka#4637).
    public func resume(_ partitions: [KafkaTopicPartition]) throws(KafkaError) {
        let toResume = paused.withLock { paused in partitions.filter { paused.contains($0) } }
        guard !toResume.isEmpty else { return }
        if let failure = client.resume(toResume) { throw failure }
        paused.withLock { $0.subtract(toResume) }
    }

    /// Moves the fetch position of assigned partitions.
    public func seek(_ offsets: [KafkaPartitionOffset], timeout: Duration = .seconds(10)) async throws(KafkaError) {
        let client = client
        if let failure = await BlockingCall.run({ client.seek(offsets, timeout: timeout) }) { throw failure }
    }

    /// Commits these offsets (each the *next* offset to read) and returns when
    /// the group coordinator has stored them.
    public func commit(_ offsets: [KafkaPartitionOffset]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let client = client
        if let failure = await BlockingCall.run({ client.commit(offsets) }) { throw failure }
    }

    /// The group's committed offsets for these partitions (`.invalid` where none).
    public func committed(_ partitions: [KafkaTopicPartition], timeout: Duration = .seconds(10)) async throws(KafkaError)
        -> [KafkaPartitionOffset]
    {
        let client = client
        return try await BlockingCall.run { client.committed(partitions, timeout: timeout) }.get()
    }

    /// A partition's low and high watermarks, asked of its leader.
    public func watermarks(_ partition: KafkaTopicPartition, timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaWatermarks {
        let client = client
        return try await BlockingCall.run { client.watermarks(partition, timeout: timeout) }.get()
    }

    /// For each partition, the first offset whose timestamp is at or after
    /// `timestampMilliseconds` (`.end` when there is none).
    public func offsets(
        forTimestamp timestampMilliseconds: Int64,
        partitions: [KafkaTopicPartition],
        timeout: Duration = .seconds(10)
    ) async throws(KafkaError) -> [KafkaPartitionOffset] {
        let client = client
        return try await BlockingCall.run {
            client.offsets(forTimestamp: timestampMilliseconds, partitions: partitions, timeout: timeout)
        }.get()
    }

    /// The fatal error librdkafka raised, if any: the consumer cannot go on.
    public var fatalError: KafkaError? { client.context.fatalError.withLock { $0 } }

    /// Leaves the group and ends `events`; returns when the poll thread has
    /// stopped. Commit what you processed first: the revocation that closing
    /// causes is not delivered, since the member is already leaving.
    public func close() async {
        stopPolling()
        await pollThread.join()
    }

    private func stopPolling() {
        pollThread.requestStop()
        buffer.beginClosing()
        client.wakePollThread()
    }
}
