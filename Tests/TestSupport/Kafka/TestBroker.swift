import Foundation
import Logging
import Testing

/// Where the real-broker tests find Tansu: `NEWSWIRE_TEST_BROKERS`, set by
/// `Scripts/test.sh` (which also puts librdkafka ≥ 2.2 on `LD_LIBRARY_PATH`).
public enum TestBroker {
    public static let variable = "NEWSWIRE_TEST_BROKERS"
    public static var address: String? { ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 } }
    public static var isAvailable: Bool { address != nil }
    public static var bootstrap: String { address ?? "" }

    /// Errors only (or `NEWSWIRE_TEST_LOG_LEVEL`), to stderr, which is
    /// unbuffered, so logs survive a killed test run.
    public static var logger: Logger {
        var logger = Logger(label: "kafka-tests", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = ProcessInfo.processInfo.environment["NEWSWIRE_TEST_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        return logger
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips (visibly, with the reason) a suite that needs the real broker
    /// when `NEWSWIRE_TEST_BROKERS` is unset; `make test` fails if any such
    /// suite did not run.
    public static var needsRealBroker: Self {
        .enabled(
            if: TestBroker.isAvailable,
            "needs a real broker: \(TestBroker.variable) is not set (make test starts Tansu and sets it; or Scripts/tansu.sh start)"
        )
    }
}
