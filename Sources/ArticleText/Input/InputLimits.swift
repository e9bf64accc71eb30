/// Bounds the decoder enforces before doing any work, so one hostile or broken
/// message cannot stall a partition or exhaust memory.
public struct InputLimits: Sendable, Hashable {
    /// Largest accepted input in bytes (default 2 MiB).
    public var maxBytes: Int
    /// Share of control characters (C0 other than tab, line feed, carriage
    /// return and form feed) above which the input is treated as binary.
    public var maxControlShare: Double

    public init(maxBytes: Int = 2 * 1024 * 1024, maxControlShare: Double = 0.01) {
        self.maxBytes = maxBytes
        self.maxControlShare = maxControlShare
    }
}
