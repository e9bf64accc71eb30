import ConsoleKitTerminal
import Pipeline

/// Shows a running replay's progress until cancelled: on a terminal a live
/// bar (count, rate, ETA) drawn by ConsoleKit's activity indicator; anywhere
/// else one JSON line every `interval`, plus one at the start and one at the
/// end, so logs always get the final figures.
struct ReplayProgressDisplay: Sendable {
    let job: ReplayJob
    var interval: Duration = .seconds(5)

    /// True when stdout is a terminal: the bar is drawn there, and the
    /// replay's info lines would break into it.
    static var drawsBar: Bool { Terminal().supportsANSICommands }

    func run() async {
        let terminal = Terminal()
        if terminal.supportsANSICommands {
            let bar = ReplayProgressBar(job: job).newActivity(for: terminal)
            bar.start(refreshRate: 250)
            await waitUntilCancelled(tick: nil)
            bar.succeed()
        } else {
            StandardStreams.writeLine(ReplayProgress(job: job).jsonLine)
            await waitUntilCancelled { StandardStreams.writeLine(ReplayProgress(job: job).jsonLine) }
            StandardStreams.writeLine(ReplayProgress(job: job).jsonLine)
        }
    }

    private func waitUntilCancelled(tick: (() -> Void)?) async {
        while true {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return  // cancelled: the replay has ended
            }
            tick?()
        }
    }
}

/// The bar itself: `replay [=====>     ] 1,234/5,000  412 msg/s  ETA 0:09`,
/// redrawn from the job's counters at every tick; at the end it stays on
/// screen with the final figures.
struct ReplayProgressBar: ActivityBar {
    let job: ReplayJob
    var title: String { "replay" }

    func renderActiveBar(tick: UInt, width: Int) -> ConsoleText {
        progress.barText(width: width).consoleText(.info)
    }

    func outputActivityIndicator(to console: any Console, state: ActivityIndicatorState) {
        switch state {
        case .success, .failure:
            console.output(title.consoleText(.plain) + " " + progress.barText(width: console.activityBarWidth).consoleText(.plain))
        case .ready, .active:
            let tick: UInt = if case .active(let tick) = state { tick } else { 0 }
            console.output(title.consoleText(.plain) + " " + renderActiveBar(tick: tick, width: console.activityBarWidth))
        }
    }

    private var progress: ReplayProgress { ReplayProgress(job: job) }
}

extension ReplayProgress {
    /// The job's progress now, timed from its first assignment (joining the
    /// group is not part of the rate).
    init(job: ReplayJob) {
        let tracker = job.tracker.snapshot
        self.init(counters: job.counters.current, tracker: tracker, elapsed: tracker.firstAssigned.map { .now - $0 } ?? .zero)
    }
}
