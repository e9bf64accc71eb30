/// One partition in a statistics report: producer queue depth, consumer
/// fetch queue, positions and lag.
public struct KafkaPartitionStatistics: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var leader: Int32
    /// Producer: messages waiting to be sent.
    public var queuedMessages: Int64
    /// Consumer: messages fetched but not yet handed to the application.
    public var fetchQueueMessages: Int64
    /// Consumer: the high watermark, the application's position and the committed offset.
    public var highWatermark: Int64?
    public var applicationOffset: Int64?
    public var committedOffset: Int64?
    /// Consumer: messages between the position and the end (`consumer_lag`); `nil` when unknown.
    public var consumerLag: Int64?

    init(topic: String, raw: RDKafkaStatisticsJSON.Partition) {
        self.topic = topic
        partition = raw.partition
        leader = raw.leader ?? -1
        queuedMessages = raw.msgq_cnt ?? 0
        fetchQueueMessages = raw.fetchq_cnt ?? 0
        highWatermark = raw.hi_offset.flatMap { $0 >= 0 ? $0 : nil }
        applicationOffset = raw.app_offset.flatMap { $0 >= 0 ? $0 : nil }
        committedOffset = raw.committed_offset.flatMap { $0 >= 0 ? $0 : nil }
        consumerLag = raw.consumer_lag.flatMap { $0 >= 0 ? $0 : nil }
    }
}
