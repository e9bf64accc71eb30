/// Timing shared by the text-stage benchmarks: repeat a body until a minimum
/// time has passed, so short stages are measured over many rounds.
public enum Measure {
    public static let clock = ContinuousClock()

    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Runs `body` once to warm up, then over and over for at least `minimum`
    /// seconds; returns the rounds, the seconds they took and a sink of the
    /// bodies' results (printed, so the work cannot be optimised away).
    public static func repeating(minimum: Double, _ body: () -> Int) -> (rounds: Int, seconds: Double, sink: Int) {
        var sink = body()
        var rounds = 0
        let start = clock.now
        var elapsed = Duration.zero
        repeat {
            sink &+= body()
            rounds += 1
            elapsed = clock.now - start
        } while seconds(elapsed) < minimum
        return (rounds, seconds(elapsed), sink)
    }
}
