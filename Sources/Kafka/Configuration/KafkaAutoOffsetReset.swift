/// Where a consumer starts in a partition for which its group has no
/// committed offset (`auto.offset.reset`).
public enum KafkaAutoOffsetReset: String, Sendable {
    case earliest
    case latest
    /// Raise an error instead of choosing.
    case error
}
