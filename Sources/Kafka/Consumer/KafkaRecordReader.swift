import Logging
import Synchronization

/// Reads single records at chosen offsets, outside any consumer group, and
/// asks the broker its offsets-for-times answer and watermarks.
///
/// Why it exists: a time bound has to be checked against the records
/// themselves, because brokers answer offsets-for-times wrongly (Tansu says 0
/// for any time, librdkafka's mock cluster nothing). Reading the record at an
/// offset — assign, poll one message, unassign — is what a check or a binary
/// search over a partition needs. It has no poll thread: each read runs on a
/// Dispatch thread, one at a time.
public final class KafkaRecordReader: Sendable {
    private let client: RDKafkaClient
    /// Serialises reads (each replaces the assignment) and counts them.
    private let readCount = Mutex(0)

    /// `properties` are raw librdkafka settings (TLS, SASL…); the ones a
    /// single-record read depends on are set over them.
    public init(bootstrapServers: String, properties: [String: String] = [:], logger: Logger = Logger(label: "newswire.kafka.reader"))
        throws(KafkaError)
    {
        var settings = properties
        settings["bootstrap.servers"] = bootstrapServers
        // librdkafka's consumer poll needs a group; this client never joins or commits.
        settings["group.id"] = properties["group.id"] ?? "newswire-record-reader"
        settings["enable.auto.commit"] = "false"
        settings["enable.auto.offset.store"] = "false"
        settings["enable.partition.eof"] = "true"
        // An offset outside the log is an error, never a silent jump to the other end.
        settings["auto.offset.reset"] = "error"
        // Fetch little beyond the one record wanted, and never hold a
        // broker's fetch long: the next read waits for the one in flight. (A
        // small queued.min.messages would hold the next fetch of the partition
        // back by fetch.queue.backoff.ms, a second in librdkafka 2.16.)
        settings["fetch.message.max.bytes"] = "65536"
        settings["fetch.wait.max.ms"] = "10"
        client = try RDKafkaClient(kind: .consumer, properties: settings, context: RDKafkaClientContext(logger: logger, events: nil))
    }

    /// The first record at or after `offset` in `partition` (the record at
    /// `offset` unless that offset holds none, e.g. compacted away), or the
    /// end of the partition when there is none.
    ///
    /// Read only below the end: asked past it, Kafka answers out of range
    /// (an error here) but some brokers (Tansu) answer nothing until `timeout`.
    public func record(atOrAfter offset: Int64, in partition: KafkaTopicPartition, timeout: Duration = .seconds(15)) async throws(KafkaError)
        -> KafkaRecordRead
    {
        try await BlockingCall.run { [self] in
            readCount.withLock { count in
                count += 1
                return client.readRecord(atOrAfter: offset, in: partition, timeout: timeout)
            }
        }.get()
    }

    /// The end of `partition` (the offset the next record will get) as the
    /// fetch sees it, read from `offset` (at or below the end) onwards: the
    /// records on the way are passed over. From the high watermark, one
    /// fetch; used where a broker's watermark cannot be trusted (Tansu's is
    /// wrong after multi-record batches).
    public func end(of partition: KafkaTopicPartition, readingFrom offset: Int64, timeout: Duration = .seconds(60)) async throws(KafkaError)
        -> Int64
    {
        let read = try await BlockingCall.run { [self] in
            readCount.withLock { count in
                count += 1
                return client.readRecord(atOrAfter: offset, in: partition, toEnd: true, timeout: timeout)
            }
        }.get()
        guard case .end(let end) = read else {
            throw KafkaError(code: .failed, name: "_FAIL", message: "reading \(partition) from \(offset) found no end")
        }
        return end
    }

    /// Single-record reads made so far.
    public var reads: Int { readCount.withLock { $0 } }

    /// The broker's answer to offsets-for-times for one partition, as it
    /// comes: the first offset whose timestamp is at or after the time,
    /// `.end` when it has none — unchecked.
    public func offset(forTimestamp timestampMilliseconds: Int64, in partition: KafkaTopicPartition, timeout: Duration = .seconds(10))
        async throws(KafkaError) -> KafkaPartitionOffset
    {
        let client = client
        let answers = try await BlockingCall.run {
            client.offsets(forTimestamp: timestampMilliseconds, partitions: [partition], timeout: timeout)
        }.get()
        guard let answer = answers.first else {
            throw KafkaError(code: .failed, name: "_FAIL", message: "the broker gave no offsets-for-times answer for \(partition)")
        }
        return answer
    }

    /// A partition's low and high watermarks, asked of its leader.
    public func watermarks(_ partition: KafkaTopicPartition, timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaWatermarks {
        let client = client
        return try await BlockingCall.run { client.watermarks(partition, timeout: timeout) }.get()
    }
}
