import Foundation
import Logging

/// Where the real-broker tests find Tansu: `NEWSWIRE_TEST_BROKERS`, set by
/// `Scripts/test.sh` (which also puts librdkafka ≥ 2.2 on LD_LIBRARY_PATH).
enum TestBroker {
    static var address: String? { ProcessInfo.processInfo.environment["NEWSWIRE_TEST_BROKERS"] }
    static var isAvailable: Bool { address != nil }
    static var bootstrap: String { address ?? "" }

    static var logger: Logger {
        // stderr is unbuffered, so logs survive a killed test run.
        var logger = Logger(label: "kafka-tests", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = ProcessInfo.processInfo.environment["NEWSWIRE_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return logger
    }
}
