import Foundation

/// One `statistics.interval.ms` report of a client, decoded from librdkafka's
/// JSON into the figures an operator watches: queue depths, broker round
/// trips, per-partition consumer lag.
public struct KafkaStatistics: Sendable, Hashable {
    /// The client's name (`rdkafka#consumer-1`).
    public var name: String
    /// `producer` or `consumer`.
    public var type: String
    /// When librdkafka produced the report, microseconds since the epoch.
    public var timestampMicroseconds: Int64
    /// Messages in the producer's local queue (`msg_cnt`).
    public var queuedMessages: Int64
    /// Bytes in the producer's local queue (`msg_size`).
    public var queuedBytes: Int64
    /// Operations waiting in the application's queue (`replyq`).
    public var replyQueueLength: Int64
    /// Messages sent to / received from brokers since the start.
    public var transmittedMessages: Int64
    public var receivedMessages: Int64
    public var brokers: [KafkaBrokerStatistics]
    public var partitions: [KafkaPartitionStatistics]
    /// The consumer group, for consumers that joined one.
    public var group: KafkaGroupStatistics?

    public init(
        name: String, type: String, timestampMicroseconds: Int64, queuedMessages: Int64, queuedBytes: Int64,
        replyQueueLength: Int64, transmittedMessages: Int64, receivedMessages: Int64,
        brokers: [KafkaBrokerStatistics], partitions: [KafkaPartitionStatistics], group: KafkaGroupStatistics?
    ) {
        self.name = name
        self.type = type
        self.timestampMicroseconds = timestampMicroseconds
        self.queuedMessages = queuedMessages
        self.queuedBytes = queuedBytes
        self.replyQueueLength = replyQueueLength
        self.transmittedMessages = transmittedMessages
        self.receivedMessages = receivedMessages
        self.brokers = brokers
        self.partitions = partitions
        self.group = group
    }

    /// Decodes librdkafka's statistics JSON.
    public init(json: Data) throws {
        let raw = try JSONDecoder().decode(RDKafkaStatisticsJSON.self, from: json)
        self.init(
            name: raw.name,
            type: raw.type,
            timestampMicroseconds: raw.ts ?? 0,
            queuedMessages: raw.msg_cnt ?? 0,
            queuedBytes: raw.msg_size ?? 0,
            replyQueueLength: raw.replyq ?? 0,
            transmittedMessages: raw.txmsgs ?? 0,
            receivedMessages: raw.rxmsgs ?? 0,
            brokers: (raw.brokers ?? [:]).values.map(KafkaBrokerStatistics.init(raw:)).sorted { $0.name < $1.name },
            partitions: (raw.topics ?? [:]).values.flatMap { topic in
                (topic.partitions ?? [:]).values
                    .filter { $0.partition >= 0 }
                    .map { KafkaPartitionStatistics(topic: topic.topic, raw: $0) }
            }.sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) },
            group: raw.cgrp.map(KafkaGroupStatistics.init(raw:))
        )
    }

    /// The sum of `consumerLag` over partitions that know their lag.
    public var totalConsumerLag: Int64 {
        partitions.compactMap(\.consumerLag).reduce(0, +)
    }
}
