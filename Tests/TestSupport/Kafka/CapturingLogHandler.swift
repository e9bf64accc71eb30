import Foundation
import Logging
import Synchronization

/// A swift-log handler that keeps messages, so a test can wait for a log line
/// that librdkafka writes from its own threads.
public struct CapturingLogHandler: LogHandler {
    /// The captured lines, shared between the handler copies swift-log makes.
    public final class Store: Sendable {
        public let lines = Mutex<[String]>([])
        public init() {}
        public func contains(_ text: String) -> Bool { lines.withLock { $0.contains { $0.contains(text) } } }
    }

    public let store: Store
    public var logLevel: Logger.Level = .debug
    public var metadata: Logger.Metadata = [:]

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        store.lines.withLock { $0.append("\(event.level): \(event.message)") }
        if ProcessInfo.processInfo.environment["NEWSWIRE_TEST_LOG_LEVEL"] != nil {
            FileHandle.standardError.write(Data("captured \(event.level): \(event.message)\n".utf8))
        }
    }

    public static func logger(_ store: Store, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "captured") { _ in CapturingLogHandler(store: store) }
        logger.logLevel = level
        return logger
    }
}
