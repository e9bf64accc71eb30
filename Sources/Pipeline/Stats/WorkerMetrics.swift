import Foundation
import Kafka
import Metrics
import Synchronization

/// What the worker measures beyond its totals, for `/stats` and `/metrics`:
/// each stage's flow and durations (`StageMeter`), the end-to-end latency
/// from an input's timestamp to the acknowledgement of its last output,
/// rates over the last minute, and the producer's latest librdkafka
/// statistics (queue depth, broker round trips).
///
/// Every recording is a short lock and a constant-time histogram update, on
/// the thread where the work happened; reading (a scrape) merges a minute of
/// histograms and never blocks the work for longer than that.
public final class WorkerMetrics: Sendable {
    let clock: WindowClock
    let normalise: StageMeter
    let parse: StageMeter
    let enrich: StageMeter
    let publish: StageMeter

    private struct State {
        var endToEnd = LatencyRecorder()
        var rates = RateWindow()
        var producerStatistics: KafkaStatistics?
    }

    private let state = Mutex(State())
    private let endToEndTimer = Metrics.Timer(label: MetricCatalog.endToEnd.name)

    public init(start: ContinuousClock.Instant = .now) {
        let clock = WindowClock(start: start)
        self.clock = clock
        normalise = StageMeter(.normalise, clock: clock)
        parse = StageMeter(.parse, clock: clock)
        enrich = StageMeter(.enrich, clock: clock)
        publish = StageMeter(.publish, clock: clock)
    }

    func stage(_ stage: DeadLetterStage) -> StageMeter {
        switch stage {
        case .normalise: normalise
        case .parse: parse
        case .enrich: enrich
        case .publish: publish
        }
    }

    /// The last output of a message with articles was acknowledged: its
    /// end-to-end latency runs from the input's timestamp (milliseconds
    /// since the epoch) to now. Timestamps ahead of this clock count as 0.
    func acknowledged(inputTimestampMilliseconds timestamp: Int64, at now: ContinuousClock.Instant = .now) {
        let nowMilliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        let latency = Duration.milliseconds(max(0, nowMilliseconds - timestamp))
        let slot = clock.slot(at: now)
        state.withLock { $0.endToEnd.record(latency, slot: slot) }
        endToEndTimer.recordNanoseconds(latency.wholeNanoseconds)
    }

    /// Adds to the last minute's rates.
    func count(at now: ContinuousClock.Instant = .now, _ change: (inout RateWindow.Counts) -> Void) {
        let slot = clock.slot(at: now)
        state.withLock { $0.rates.add(slot: slot, change) }
    }

    /// Keeps the producer's latest statistics report.
    func update(producer statistics: KafkaStatistics) {
        state.withLock { $0.producerStatistics = statistics }
    }

    /// What the document needs, as of `now`.
    struct Snapshot: Sendable {
        var stages: StatsDocument.Stages
        var endToEnd: LatencyWindows
        var rates: RateWindow.Counts
        var windowSeconds: Double
        var producerStatistics: KafkaStatistics?
    }

    func snapshot(at now: ContinuousClock.Instant = .now) -> Snapshot {
        let slot = clock.slot(at: now)
        let stages = StatsDocument.Stages(
            normalise: normalise.snapshot(at: now), parse: parse.snapshot(at: now),
            enrich: enrich.snapshot(at: now), publish: publish.snapshot(at: now)
        )
        return state.withLock { state in
            Snapshot(
                stages: stages, endToEnd: state.endToEnd.windows(currentSlot: slot), rates: state.rates.total(currentSlot: slot),
                windowSeconds: clock.windowSeconds(at: now), producerStatistics: state.producerStatistics
            )
        }
    }
}
