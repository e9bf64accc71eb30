import ArgumentParser
import Kafka
import Logging
import Synchronization

/// The check every command that names `--brokers` makes before it does
/// anything else: the list is well formed and a broker answers within the
/// timeout. A failure is one sentence saying what went wrong and what to
/// check, read from the client's log of the attempt: nothing listening, or a
/// broker whose reply this librdkafka cannot read (2.0.2 misreads Tansu's;
/// only then is the library's age mentioned).
enum BrokerCheck {
    /// A malformed `--brokers`, as a usage error of the command.
    static func validate(_ brokers: String) throws {
        do {
            _ = try KafkaBrokerList(parsing: brokers)
        } catch {
            throw ValidationError("--brokers: \(error.message)")
        }
    }

    /// `properties` are the Kafka properties the command's clients get (TLS,
    /// SASL…), so the check reaches the cluster the way they will.
    static func check(
        _ brokers: String, properties: [String: String] = [:], timeout: Duration = .seconds(5), logger: Logger
    ) async throws -> KafkaClusterMetadata {
        let capture = LogCapture()
        let base = logger.handler
        let watched = Logger(label: logger.label) { _ in MultiplexLogHandler([base, capture.handler]) }
        do {
            return try await KafkaAdmin.checkBrokers(brokers, properties: properties, timeout: timeout, logger: watched)
        } catch where error.code == .invalidArgument {
            throw CommandFailure("--brokers: \(error.message)")
        } catch {
            let secured = properties.keys.contains { $0 == "security.protocol" || $0.hasPrefix("ssl.") || $0.hasPrefix("sasl.") }
            throw CommandFailure(sentence(brokers: brokers, error: error, log: capture.lines, secured: secured))
        }
    }

    /// `secured`: TLS or SASL properties were given, so a listener that speaks
    /// another protocol is as likely a cause as a missing broker.
    static func sentence(brokers: String, error: KafkaError, log: [String], secured: Bool = false) -> String {
        if log.contains(where: { $0.contains("ApiVersionRequest failed") }) {
            guard LibrdkafkaVersion.parsesTaggedFieldsCorrectly else {
                return "the broker at \(brokers) answered, but librdkafka \(LibrdkafkaVersion.string) cannot read its reply (fixed in librdkafka 2.2); run with a newer librdkafka.so.1 on LD_LIBRARY_PATH"
            }
            return "the server at \(brokers) answered with a reply librdkafka cannot read; check that --brokers names a Kafka broker's listener"
        }
        if log.contains(where: { $0.contains("Connection refused") }) {
            return "nothing listens at \(brokers) (connection refused); check --brokers and that the broker is running"
        }
        if secured {
            return "\(error.message); check --brokers, that the broker is running, and that its listener expects the security.protocol and TLS/SASL settings given (--kafka-property, --kafka-config, NEWSWIRE_KAFKA_*)"
        }
        return "\(error.message); check --brokers and that the broker is running"
    }
}

/// Keeps the messages logged through `handler`, for a sentence about them.
private final class LogCapture: Sendable {
    private let stored = Mutex<[String]>([])

    var lines: [String] { stored.withLock { $0 } }

    var handler: any LogHandler { CapturingLogHandler(capture: self) }

    fileprivate func append(_ line: String) {
        stored.withLock { $0.append(line) }
    }

    private struct CapturingLogHandler: LogHandler {
        let capture: LogCapture
        var logLevel: Logger.Level = .debug
        var metadata: Logger.Metadata = [:]
        var metadataProvider: Logger.MetadataProvider?

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.append(event.message.description)
        }
    }
}
