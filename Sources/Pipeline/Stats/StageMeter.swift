import Metrics
import Synchronization

/// One stage's flow and durations: how many input messages entered it, left
/// it (ok or failed), are in it now, and how long each spent in it, over the
/// last minute and since the start. Counted where the work happens — the
/// text stages by `StageTimer` on the stage threads, publishing by the lanes
/// — and mirrored into `newswire_records_total{stage,outcome}` and
/// `newswire_stage_duration_seconds{stage}`.
final class StageMeter: Sendable {
    private struct State {
        var entered = 0
        var succeeded = 0
        var failed = 0
        /// Work dropped with its partition (revoked or lost); the partition's
        /// next owner reads those messages again.
        var dropped = 0
        var latency = LatencyRecorder()
    }

    let stage: DeadLetterStage
    private let clock: WindowClock
    private let state = Mutex(State())
    private let succeededCounter: Counter
    private let failedCounter: Counter
    private let timer: Metrics.Timer

    init(_ stage: DeadLetterStage, clock: WindowClock) {
        self.stage = stage
        self.clock = clock
        succeededCounter = Counter(label: MetricCatalog.records.name, dimensions: [("stage", stage.rawValue), ("outcome", "ok")])
        failedCounter = Counter(label: MetricCatalog.records.name, dimensions: [("stage", stage.rawValue), ("outcome", "failed")])
        timer = Metrics.Timer(label: MetricCatalog.stageDuration.name, dimensions: [("stage", stage.rawValue)])
    }

    /// A message entered the stage.
    func entered() {
        state.withLock { $0.entered += 1 }
    }

    /// A message left the stage after `duration`, done or failed.
    func left(after duration: Duration, failed: Bool, at now: ContinuousClock.Instant = .now) {
        let slot = clock.slot(at: now)
        state.withLock { state in
            if failed { state.failed += 1 } else { state.succeeded += 1 }
            state.latency.record(duration, slot: slot)
        }
        (failed ? failedCounter : succeededCounter).increment()
        timer.recordNanoseconds(duration.wholeNanoseconds)
    }

    /// `count` messages in the stage were dropped with their partition.
    func dropped(_ count: Int) {
        guard count > 0 else { return }
        state.withLock { $0.dropped += count }
    }

    /// The stage as `/stats` shows it at `now`.
    func snapshot(at now: ContinuousClock.Instant = .now) -> StatsDocument.Stage {
        let slot = clock.slot(at: now)
        return state.withLock { state in
            StatsDocument.Stage(
                in: state.entered, out: state.succeeded, failed: state.failed,
                inFlight: max(0, state.entered - state.succeeded - state.failed - state.dropped),
                dropped: state.dropped, latency: state.latency.windows(currentSlot: slot)
            )
        }
    }
}

extension Duration {
    /// Whole nanoseconds, never negative, saturating at `Int64.max`.
    var wholeNanoseconds: Int64 {
        let parts = components
        guard parts.seconds >= 0, parts.attoseconds >= 0 else { return 0 }
        let (seconds, overflow) = parts.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        return overflow ? .max : seconds &+ parts.attoseconds / 1_000_000_000
    }
}
