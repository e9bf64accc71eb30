/// librdkafka's `#define` constants that Swift cannot import, named once here.
enum RDKafkaConstants {
    /// `RD_KAFKA_PARTITION_UA`: let the partitioner choose.
    static let partitionUnassigned: Int32 = -1
    /// `RD_KAFKA_OFFSET_BEGINNING`.
    static let offsetBeginning: Int64 = -2
    /// `RD_KAFKA_OFFSET_END`.
    static let offsetEnd: Int64 = -1
    /// `RD_KAFKA_OFFSET_STORED`.
    static let offsetStored: Int64 = -1000
    /// `RD_KAFKA_OFFSET_INVALID`.
    static let offsetInvalid: Int64 = -1001
    /// `RD_KAFKA_MSG_F_COPY`: librdkafka copies payload and key at produce time.
    static let messageFlagCopy: Int32 = 0x2
    /// `RD_KAFKA_PURGE_F_QUEUE`.
    static let purgeQueue: Int32 = 0x1
    /// `RD_KAFKA_PURGE_F_INFLIGHT`.
    static let purgeInFlight: Int32 = 0x2
    /// `RD_KAFKA_EVENT_CREATETOPICS_RESULT`.
    static let eventCreateTopicsResult: Int32 = 100
    /// `RD_KAFKA_EVENT_OFFSET_COMMIT`.
    static let eventOffsetCommit: Int32 = 0x20
    /// Size of the error string buffers handed to librdkafka.
    static let errorStringSize = 512
}
