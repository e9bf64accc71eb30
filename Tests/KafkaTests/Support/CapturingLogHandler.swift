import Foundation
import Logging
import Synchronization

/// A swift-log handler that keeps messages, so a test can wait for a log line
/// that librdkafka writes from its own threads.
struct CapturingLogHandler: LogHandler {
    final class Store: Sendable {
        let lines = Mutex<[String]>([])
        func contains(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }
    }

    let store: Store
    var logLevel: Logger.Level = .debug
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        store.lines.withLock { $0.append("\(event.level): \(event.message)") }
        if ProcessInfo.processInfo.environment["NEWSWIRE_TEST_LOG_LEVEL"] != nil {
            FileHandle.standardError.write(Data("captured \(event.level): \(event.message)\n".utf8))
        }
    }

    static func logger(_ store: Store, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "captured") { _ in CapturingLogHandler(store: store) }
        logger.logLevel = level
        return logger
    }
}
