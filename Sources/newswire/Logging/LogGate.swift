import Synchronization

/// Keeps a log readable when something fails over and over: a line whose
/// key (its text, or what stays of it once counters are dropped) was shown
/// within the last `window` is dropped, and each source
/// (module) shows at most `linesPerWindow` lines per window. What was dropped
/// is counted and reported with the next line shown after the window ends.
/// Time is read when a line arrives, so no timer runs.
final class LogGate: Sendable {
    enum Verdict: Equatable {
        /// Show the line; `suppressed` lines were dropped since the last report.
        case show(suppressed: Int)
        case drop
    }

    let window: Duration
    let linesPerWindow: Int

    private struct State {
        var windowStart: ContinuousClock.Instant
        var shownInWindow: [String: Int] = [:]
        var lastShown: [String: ContinuousClock.Instant] = [:]
        var suppressed = 0
        var suppressedBeforeWindow = 0
    }

    private let state: Mutex<State>

    init(window: Duration, linesPerWindow: Int, now: ContinuousClock.Instant = .now) {
        self.window = window
        self.linesPerWindow = linesPerWindow
        self.state = Mutex(State(windowStart: now))
    }

    func admit(source: String, key: String, now: ContinuousClock.Instant = .now) -> Verdict {
        state.withLock { state in
            if now - state.windowStart >= window {
                state.windowStart = now
                state.shownInWindow.removeAll(keepingCapacity: true)
                state.lastShown = state.lastShown.filter { now - $0.value < window }
                state.suppressedBeforeWindow += state.suppressed
                state.suppressed = 0
            }
            let key = source + "\u{0}" + key
            if let last = state.lastShown[key], now - last < window {
                state.suppressed += 1
                return .drop
            }
            guard state.shownInWindow[source, default: 0] < linesPerWindow else {
                state.suppressed += 1
                return .drop
            }
            state.shownInWindow[source, default: 0] += 1
            state.lastShown[key] = now
            let report = state.suppressedBeforeWindow
            state.suppressedBeforeWindow = 0
            return .show(suppressed: report)
        }
    }
}
