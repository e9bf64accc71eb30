import Foundation

/// Timing shared by the text-stage benchmarks: repeat a body until a minimum
/// time has passed, so short stages are measured over many rounds. Times are
/// the calling thread's CPU time, not wall time: on a shared machine a
/// descheduled thread would otherwise count other programs' work as ours.
public enum Measure {
    /// The calling thread's CPU time in seconds.
    public static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` once to warm up, then over and over for at least `minimum`
    /// CPU seconds; returns the rounds, the CPU seconds they took and a sink
    /// of the bodies' results (printed, so the work cannot be optimised away).
    public static func repeating(minimum: Double, _ body: () -> Int) -> (rounds: Int, seconds: Double, sink: Int) {
        var sink = body()
        var rounds = 0
        let start = cpuSeconds()
        var elapsed = 0.0
        repeat {
            sink &+= body()
            rounds += 1
            elapsed = cpuSeconds() - start
        } while elapsed < minimum
        return (rounds, elapsed, sink)
    }
}
