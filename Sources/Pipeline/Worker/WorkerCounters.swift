import Metrics
import Synchronization

/// Running totals of one worker, read by the demo summary and the stats
/// endpoint, and mirrored into swift-metrics counters for Prometheus. Its
/// `metrics` hold what is measured beyond totals (stage flow and latency,
/// rates over the last minute).
public final class WorkerCounters: Sendable {
    /// A point-in-time copy of the totals.
    public struct Totals: Sendable, Hashable {
        public var consumed = 0
        /// Messages done: every output or the dead letter acknowledged.
        public var completed = 0
        public var articles = 0
        public var produced = 0
        public var deadLettered = 0
        /// Messages whose offsets are committed.
        public var committed = 0
        /// Records sent again after a transient delivery failure.
        public var retried = 0
        /// Offset commits the group coordinator refused (and the worker survived).
        public var commitsRefused = 0
        public var bytesConsumed = 0
        /// Dead letters by `stage/code`, e.g. `normalise/invalid-utf8`.
        public var deadLettersByReason: [String: Int] = [:]
        /// Dead letters by the stage that rejected the input.
        public var deadLettersByStage: [DeadLetterStage: Int] = [:]
        /// Rebalance events: partitions assigned, revoked or lost.
        public var rebalances = 0
    }

    private struct State {
        var totals = Totals()
        var waiters: [UInt64: (consumed: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiter: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Stage flow and latency, end-to-end latency, rates, client statistics.
    public let metrics = WorkerMetrics()
    private let consumedCounter = Counter(label: MetricCatalog.consumed.name)
    private let articlesCounter = Counter(label: MetricCatalog.articles.name)
    private let producedCounter = Counter(label: MetricCatalog.produced.name)
    private let committedCounter = Counter(label: MetricCatalog.committed.name)
    private let commitsCounter = Counter(label: MetricCatalog.commits.name)
    private let bytesCounter = Counter(label: MetricCatalog.bytes.name)
    private let retriedCounter = Counter(label: MetricCatalog.retried.name)
    private let refusedCommitsCounter = Counter(label: MetricCatalog.commitsRefused.name)
    private let rebalancesCounter = Counter(label: MetricCatalog.rebalances.name)

    /// Called after every commit the group accepted (a replay waits on it
    /// for its last offsets to land).
    private let onCommitted: @Sendable () -> Void

    public init() {
        onCommitted = {}
    }

    public init(onCommitted: @escaping @Sendable () -> Void) {
        self.onCommitted = onCommitted
    }

    public var current: Totals { state.withLock { $0.totals } }

    /// Returns once the worker has committed the offsets of at least `count`
    /// messages: every output of each (or its dead letter) is acknowledged
    /// and the group will not hand them out again. Also returns when the
    /// task is cancelled, so a caller's deadline ends the wait.
    public func waitUntilCommitted(_ count: Int) async {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLock { state in
                    guard state.totals.committed < count, !Task.isCancelled else { return true }
                    state.waiters[id] = (count, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// How many `waitUntilCommitted` calls are waiting now.
    var waiterCount: Int { state.withLock { $0.waiters.count } }

    /// The same as `waitUntilCommitted`: a message counts as consumed here
    /// once it is done and committed.
    public func waitUntilConsumed(_ count: Int) async {
        await waitUntilCommitted(count)
    }

    /// A message was taken from the brokers.
    func admitted(bytes: Int) {
        state.withLock { state in
            state.totals.consumed += 1
            state.totals.bytesConsumed += bytes
        }
        metrics.count {
            $0.consumed += 1
            $0.bytes += bytes
        }
        consumedCounter.increment()
        bytesCounter.increment(by: bytes)
    }

    /// A message is done: `records` output records (or dead letters) acknowledged.
    func completed(_ outcome: ProcessedMessage.Outcome?, records: Int) {
        var letter: (reason: String, stage: DeadLetterStage, code: String)?
        var articles = 0
        switch outcome {
        case .articles(let count): articles = count
        case .deadLettered(let stage, let code): letter = ("\(stage.rawValue)/\(code)", stage, code)
        case nil: break
        }
        state.withLock { state in
            state.totals.completed += 1
            state.totals.articles += articles
            state.totals.produced += records
            if let letter {
                state.totals.deadLettered += 1
                state.totals.deadLettersByReason[letter.reason, default: 0] += 1
                state.totals.deadLettersByStage[letter.stage, default: 0] += 1
            }
        }
        if articles > 0 { metrics.count { $0.articles += articles } }
        articlesCounter.increment(by: articles)
        producedCounter.increment(by: records)
        if let letter {
            Counter(label: MetricCatalog.deadLetters.name, dimensions: [("stage", letter.stage.rawValue), ("code", letter.code)]).increment()
        }
    }

    /// The group committed the offsets of `messages` more messages, on `partitions` partitions.
    func committed(messages: Int, partitions: Int) {
        let satisfied = state.withLock { state in
            state.totals.committed += messages
            let committed = state.totals.committed
            let ready = state.waiters.filter { $0.value.consumed <= committed }
            for id in ready.keys { state.waiters[id] = nil }
            return ready.values.map(\.continuation)
        }
        for continuation in satisfied { continuation.resume() }
        metrics.count { $0.committed += messages }
        committedCounter.increment(by: messages)
        commitsCounter.increment(by: partitions)
        onCommitted()
    }

    /// `count` records are sent again after a transient failure.
    func retried(_ count: Int) {
        state.withLock { $0.totals.retried += count }
        retriedCounter.increment(by: count)
    }

    /// Partitions were assigned, revoked or lost.
    func rebalanced() {
        state.withLock { $0.totals.rebalances += 1 }
        rebalancesCounter.increment()
    }

    /// The coordinator refused a commit.
    func commitRefused() {
        state.withLock { $0.totals.commitsRefused += 1 }
        refusedCommitsCounter.increment()
    }
}
