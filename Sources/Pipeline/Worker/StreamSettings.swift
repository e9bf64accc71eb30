import Foundation

/// The bounds and rhythms of the stream core: how much work it holds, how
/// often it commits, how long it waits for in-flight work on a revoke.
///
/// Memory is bounded by bytes: an input message counts its own bytes, then
/// also those of its outputs once the stages made them, until the broker
/// acknowledged every output. Over a bound, the core pauses fetching for the
/// partition (or all partitions, for the total) and resumes at half of it.
public struct StreamSettings: Sendable, Hashable {
    /// In-flight input and output bytes of all partitions together (`--max-in-flight-bytes`).
    public var maxInFlightBytes = 48 << 20
    /// In-flight bytes of one partition; a quarter of the total when nil.
    public var maxPartitionBytes: Int?
    /// The most messages one partition's lane holds (its window).
    public var window = 256
    /// The most messages all lanes hold together.
    public var maxInFlightMessages = 1024
    /// How often acknowledged work is committed.
    public var commitInterval: Duration = .seconds(1)
    /// Commit early once this many messages are ready to commit.
    public var commitEvery = 1000
    /// How long a revoke waits for the revoked partitions' work before
    /// committing what is done and releasing them (`--drain-timeout`).
    public var drainTimeout: Duration = .seconds(10)
    /// Threads the stages run on; one per core by default.
    public var stageThreads = ProcessInfo.processInfo.activeProcessorCount
    /// First wait before sending again what failed transiently; doubles up to `maxRetryBackoff`.
    public var retryBackoff: Duration = .milliseconds(200)
    public var maxRetryBackoff: Duration = .seconds(10)
    /// The output producer's `linger.ms`, for `run` and `replay` alike. Each
    /// produce request costs the broker CPU, however little it carries, and
    /// the broker shares the cores. Broker CPU-seconds while newswire ran on
    /// 20,000 inputs (Benchmarks/worker-tansu.sh, one run each): 24.5 at
    /// librdkafka's default 5 ms, 13.7 at 50 ms; with the benchmark reader
    /// waiting on the broker, 10.8 at 50 ms and 5.8 at 200 ms, for about
    /// 140 ms more p50 latency (259 → 400 ms at 50 inputs a second). 200 ms
    /// is not the default: a replay killed mid-range then repeated more than
    /// its bound (70 > 60 in ReplayCommandTests), and the bound is a promise.
    public var producerLinger: Duration = .milliseconds(50)

    public init() {}

    var partitionBytes: Int { maxPartitionBytes ?? max(1, maxInFlightBytes / 4) }

    func backoff(attempt: Int) -> Duration {
        var wait = retryBackoff
        for _ in 1..<max(1, min(attempt, 16)) where wait < maxRetryBackoff { wait *= 2 }
        return min(wait, maxRetryBackoff)
    }
}
