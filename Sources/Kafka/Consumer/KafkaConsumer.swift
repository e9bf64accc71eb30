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
    /// the group coordinator has stored them; throws `.timedOut` after
    /// `timeout`, or `.interrupted` soon after the task is cancelled (within
    /// `RDKafkaClient.commitSlice`), when the coordinator has not answered.
    public func commit(_ offsets: [KafkaPartitionOffset], timeout: Duration = .seconds(60)) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let client = client
        if let failure = await CancellationFlag.run({ client.commit(offsets, timeout: timeout, stop: $0) }) { throw failure }
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

    /// Leaves the group and ends `events`; returns when the member has left
    /// and the poll thread has stopped. Commit what you processed first: the revocation that closing
    /// causes is not delivered, since the member is already leaving.
    ///
    /// Leaving waits on the group coordinator. After `timeout`, or as soon as
    /// the task is cancelled, the close stops waiting and returns: the poll
    /// thread goes on leaving the group in the background and releases the
    /// client once librdkafka has closed it (destroying it earlier would block
    /// on the unfinished close). Until then the group sees the member; if it
    /// never gets to leave, its session times out and the group reassigns its
    /// partitions from their committed offsets (at-least-once).
    public func close(timeout: Duration = .seconds(30)) async {
        stopPolling()
        let pollThread = pollThread
        let left = await withTaskGroup(of: Bool.self) { group in
            group.addTask { await pollThread.joinUnlessCancelled() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !left {
            client.context.logger.warning("stopped waiting for the consumer to leave its group (the group coordinator did not answer in time); it goes on leaving in the background")
        }
    }

    private func stopPolling() {
        pollThread.requestStop()
        buffer.beginClosing()
        client.wakePollThread()
    }
}
