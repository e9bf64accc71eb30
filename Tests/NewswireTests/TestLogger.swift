import Logging

/// Loggers for tests: only what matters, so test output stays readable.
enum TestLogger {
    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }
}
