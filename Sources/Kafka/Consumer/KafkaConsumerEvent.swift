/// What a consumer delivers, in order: batches of messages, partition
/// assignment changes, end-of-partition markers and non-fatal errors.
///
/// Rebalance contract: when you receive `.partitionsRevoked`, librdkafka has
/// *not yet* given those partitions up. Finish and commit their work, then ask
/// for the next event: only then does the consumer release them. (Every batch
/// of a revoked partition comes before its revocation.)
public enum KafkaConsumerEvent: Sendable {
    /// Messages in partition order (a batch may mix partitions).
    case messages([KafkaMessage])
    /// These partitions are now assigned to this member (incrementally, with the
    /// cooperative protocol; the whole new assignment with the eager one).
    case partitionsAssigned([KafkaTopicPartition])
    /// These partitions are being taken away; see the rebalance contract above.
    case partitionsRevoked(KafkaRevocation)
    /// The consumer reached the end of a partition (needs `enable.partition.eof`).
    case partitionEOF(KafkaPartitionOffset)
    /// A non-fatal error: a broker down, `max.poll.interval.ms` exceeded (the
    /// member left the group and will rejoin), a topic that does not exist...
    case error(KafkaError)
}

/// Partitions revoked in a rebalance.
public struct KafkaRevocation: Sendable, Hashable {
    public var partitions: [KafkaTopicPartition]
    /// True when the partitions were lost (session timed out, fenced): another
    /// member may already own them, so commits for them will fail.
    public var lost: Bool

    public init(partitions: [KafkaTopicPartition], lost: Bool) {
        self.partitions = partitions
        self.lost = lost
    }
}
