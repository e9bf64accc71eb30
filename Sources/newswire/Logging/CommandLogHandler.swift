import Foundation
import Logging

/// Writes a command's log lines to stderr, one whole line per write:
/// `TIME LEVEL LABEL: MESSAGE key=value…`.
///
/// Lines from the Kafka module (librdkafka's log, forwarded with a
/// `librdkafka.facility`, and the client errors of its callbacks) are shown
/// only with `--verbose`; every shown line passes the shared `LogGate`, whose
/// line budget is per module and logger label.
struct CommandLogHandler: LogHandler {
    let label: String
    let verbose: Bool
    let gate: LogGate
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, verbose: Bool, gate: LogGate) {
        self.label = label
        self.verbose = verbose
        self.gate = gate
        self.logLevel = verbose ? .debug : .info
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// True for a line of the Kafka client layer rather than Newswire's own.
    static func isKafkaClientLine(source: String, metadata: Logger.Metadata?) -> Bool {
        source == "Kafka" || metadata?["librdkafka.facility"] != nil
    }

    func log(event: LogEvent) {
        if !verbose && Self.isKafkaClientLine(source: event.source, metadata: event.metadata) { return }
        let message = event.message.description
        var lines: [String] = []
        let isClientLine = Self.isKafkaClientLine(source: event.source, metadata: event.metadata)
        let key = isClientLine ? Self.sameFailureKey(message) : "\(event.level) \(message)"
        // Each logger of a module has its own budget: a flood of dead-letter
        // lines must not hide the assignment lines that follow a rebalance.
        switch gate.admit(source: "\(event.source) \(label)", key: key) {
        case .drop:
            return
        case .show(let suppressed):
            if suppressed > 0 {
                lines.append(format(level: .notice, "\(suppressed) repeated or excess log line(s) were not shown before this one", metadata: [:]))
            }
        }
        var all = metadataProvider?.get() ?? [:]
        all.merge(metadata) { _, new in new }
        all.merge(event.metadata ?? [:]) { _, new in new }
        lines.append(format(level: event.level, message, metadata: all))
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// librdkafka reports one failure through its log and again through the
    /// error callback ("Kafka error: …"), with changing thread tags, counters
    /// and timings ("(after 3ms in state CONNECT, 2 identical error(s)
    /// suppressed)"): the key drops all of those, so the repeats compare equal.
    static func sameFailureKey(_ message: String) -> String {
        var key = ""
        var depth = 0
        for character in message {
            switch character {
            case "(", "[": depth += 1
            case ")", "]": depth = max(0, depth - 1)
            default:
                if depth == 0 { key.append(character.isNumber ? "#" : character) }
            }
        }
        if key.hasPrefix("Kafka error: ") { key.removeFirst("Kafka error: ".count) }
        if key.hasPrefix(": ") { key.removeFirst(2) }
        return key.trimmingCharacters(in: .whitespaces)
    }

    private func format(level: Logger.Level, _ message: String, metadata: Logger.Metadata) -> String {
        let time = Date().formatted(.iso8601)
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return ([time, level.rawValue, "\(label):", message] + fields).joined(separator: " ")
    }
}
