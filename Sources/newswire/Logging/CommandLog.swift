import Logging
import Synchronization

/// The log of a `newswire` command: every `Logger` of the process writes to
/// stderr through `CommandLogHandler`, sharing one `LogGate`.
///
/// Without `--verbose` the Kafka layer's lines (librdkafka's log and the
/// client errors it reports through callbacks) are not shown: a failure the
/// user must act on reaches them once, as the command's own error or a
/// worker warning. With `--verbose` they are shown too, and every line goes
/// through the gate, which drops repeats and caps the rate.
enum CommandLog {
    private static let bootstrapped = Atomic<Bool>(false)

    /// Sets up the log once per process.
    static func bootstrap(verbose: Bool) {
        guard !bootstrapped.exchange(true, ordering: .relaxed) else { return }
        let gate = LogGate(window: .seconds(10), linesPerWindow: 20)
        LoggingSystem.bootstrap { label in
            CommandLogHandler(label: label, verbose: verbose, gate: gate)
        }
    }
}
