import Kafka
import Synchronization

/// What the worker knows of each assigned input partition: its committed
/// offset, the high watermark librdkafka last reported, and how many of its
/// messages are being processed now. Fed by the worker's event loop and the
/// consumer's statistics; read by the stats endpoint.
final class PartitionProgress: Sendable {
    private struct Entry {
        var committed: Int64?
        var highWatermark: Int64?
        var inFlight = 0
    }

    private let entries = Mutex<[KafkaTopicPartition: Entry]>([:])

    func assigned(_ partitions: [KafkaTopicPartition]) {
        entries.withLock { entries in
            for partition in partitions where entries[partition] == nil {
                entries[partition] = Entry()
            }
        }
    }

    func revoked(_ partitions: [KafkaTopicPartition]) {
        entries.withLock { entries in
            for partition in partitions { entries[partition] = nil }
        }
    }

    func started(_ batch: [KafkaMessage]) {
        entries.withLock { entries in
            for message in batch { entries[message.topicPartition, default: Entry()].inFlight += 1 }
        }
    }

    func committed(_ offsets: [KafkaPartitionOffset], batch: [KafkaMessage]) {
        entries.withLock { entries in
            for message in batch { entries[message.topicPartition]?.inFlight -= 1 }
            for offset in offsets { entries[offset.topicPartition]?.committed = offset.offset.rawValue }
        }
    }

    func update(_ statistics: KafkaStatistics) {
        entries.withLock { entries in
            for partition in statistics.partitions where partition.partition >= 0 {
                let key = KafkaTopicPartition(topic: partition.topic, partition: partition.partition)
                guard entries[key] != nil else { continue }
                if let high = partition.highWatermark { entries[key]?.highWatermark = high }
                if entries[key]?.committed == nil, let committed = partition.committedOffset {
                    entries[key]?.committed = committed
                }
            }
        }
    }

    var snapshot: [StatsDocument.Partition] {
        entries.withLock { entries in
            entries.sorted { ($0.key.topic, $0.key.partition) < ($1.key.topic, $1.key.partition) }.map { key, entry in
                let lag = entry.highWatermark.map { high in max(0, high - (entry.committed ?? 0)) }
                return StatsDocument.Partition(
                    topic: key.topic, partition: key.partition, committedOffset: entry.committed,
                    highWatermark: entry.highWatermark, lag: lag, inFlight: max(0, entry.inFlight), paused: false
                )
            }
        }
    }

    var inFlight: Int { entries.withLock { $0.values.reduce(0) { $0 + max(0, $1.inFlight) } } }
}
