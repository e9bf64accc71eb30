import ArticleText

/// Times and counts one input message through the text stages on its stage
/// thread: `TextStages` says when each stage begins, which ends the one
/// before; `finished()` or `failed()` ends the last. One clock read and a
/// short lock per stage change: cheap next to the stages. Without meters
/// (a replay's resend, `newswire process`) it does nothing.
struct StageTimer: StageObserver {
    private let meters: WorkerMetrics?
    private var current: DeadLetterStage?
    private var started = ContinuousClock.now

    init(_ meters: WorkerMetrics?) {
        self.meters = meters
    }

    mutating func entering(_ stage: Stage) {
        enter(DeadLetterStage(stage))
    }

    /// A stage begins (also for work outside `TextStages`, such as a
    /// tombstone's rejection, which counts as normalise).
    mutating func enter(_ stage: DeadLetterStage) {
        guard let meters else { return }
        let now = ContinuousClock.now
        if let current { meters.stage(current).left(after: now - started, failed: false, at: now) }
        meters.stage(stage).entered()
        current = stage
        started = now
    }

    /// The stage running now finished, and with it the message's stages.
    mutating func finished() {
        end(failed: false)
    }

    /// The stage running now rejected the message.
    mutating func failed() {
        end(failed: true)
    }

    private mutating func end(failed: Bool) {
        guard let meters, let current else { return }
        let now = ContinuousClock.now
        meters.stage(current).left(after: now - started, failed: failed, at: now)
        self.current = nil
    }
}
