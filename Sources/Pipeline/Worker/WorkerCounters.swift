import Metrics
import Synchronization

/// Running totals of one worker, read by the demo summary and the stats
/// endpoint, and mirrored into swift-metrics counters for Prometheus.
public final class WorkerCounters: Sendable {
    /// A point-in-time copy of the totals.
    public struct Totals: Sendable, Hashable {
        public var consumed = 0
        public var articles = 0
        public var produced = 0
        public var deadLettered = 0
        public var committed = 0
        public var bytesConsumed = 0
        /// Dead letters by `stage/code`, e.g. `normalise/invalid-utf8`.
        public var deadLettersByReason: [String: Int] = [:]
        /// Dead letters by the stage that rejected the input.
        public var deadLettersByStage: [DeadLetterStage: Int] = [:]
    }

    private struct State {
        var totals = Totals()
        var waiters: [(consumed: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())
    private let consumedCounter = Counter(label: "newswire_messages_consumed_total")
    private let articlesCounter = Counter(label: "newswire_articles_total")
    private let producedCounter = Counter(label: "newswire_records_produced_total")
    private let committedCounter = Counter(label: "newswire_offsets_committed_total")
    private let bytesCounter = Counter(label: "newswire_bytes_consumed_total")

    public init() {}

    public var current: Totals { state.withLock { $0.totals } }

    /// Returns once the worker has consumed (and committed) at least `count` messages.
    public func waitUntilConsumed(_ count: Int) async {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state in
                guard state.totals.consumed < count else { return true }
                state.waiters.append((count, continuation))
                return false
            }
            if ready { continuation.resume() }
        }
    }

    func record(_ batch: [ProcessedMessage], committed: Int) {
        var articles = 0
        var produced = 0
        var bytes = 0
        var letters: [String] = []
        var stages: [DeadLetterStage] = []
        for message in batch {
            produced += message.outputs.count
            bytes += message.input.value.count
            switch message.outcome {
            case .articles(let count): articles += count
            case .deadLettered(let stage, let code):
                letters.append("\(stage.rawValue)/\(code)")
                stages.append(stage)
            }
        }
        let satisfied = state.withLock { state in
            state.totals.consumed += batch.count
            state.totals.articles += articles
            state.totals.produced += produced
            state.totals.committed += committed
            state.totals.bytesConsumed += bytes
            state.totals.deadLettered += letters.count
            for reason in letters { state.totals.deadLettersByReason[reason, default: 0] += 1 }
            for stage in stages { state.totals.deadLettersByStage[stage, default: 0] += 1 }
            let consumed = state.totals.consumed
            let ready = state.waiters.filter { $0.consumed <= consumed }.map(\.continuation)
            state.waiters.removeAll { $0.consumed <= consumed }
            return ready
        }
        for continuation in satisfied { continuation.resume() }
        consumedCounter.increment(by: batch.count)
        articlesCounter.increment(by: articles)
        producedCounter.increment(by: produced)
        committedCounter.increment(by: committed)
        bytesCounter.increment(by: bytes)
        for reason in letters {
            Counter(label: "newswire_dead_letters_total", dimensions: [("reason", reason)]).increment()
        }
    }
}
