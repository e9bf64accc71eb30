/// What a single-record read at an offset found: the first record at or
/// after it, or the end of the partition (the offset the next record will
/// get) when there was none.
public enum KafkaRecordRead: Sendable, Hashable {
    case record(KafkaMessage)
    case end(Int64)

    /// The record, if one was found.
    public var message: KafkaMessage? {
        if case .record(let message) = self { return message }
        return nil
    }
}
