import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import newswire

/// Kafka properties from a properties file, `NEWSWIRE_KAFKA_<PROPERTY>`
/// variables and `--kafka-property`, later ones winning; no error shows a
/// value; auto-commit cannot be switched on.
@Suite(.timeLimit(.minutes(1)))
struct KafkaPropertiesTests {
    private func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kafka-\(UUID().uuidString).properties")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func fileThenEnvironmentThenFlagsWin() throws {
        let path = try file("""
            # TLS and SASL for the cluster
            security.protocol=SASL_SSL
            sasl.username = reader
            ! another comment style
            linger.ms=50
            """)
        let environment = [
            "NEWSWIRE_KAFKA_SASL_PASSWORD": "from-a-secret", "NEWSWIRE_KAFKA_LINGER_MS": "20",
            "NEWSWIRE_KAFKA_CONFIG": "/not/a/property", "NEWSWIRE_BROKERS": "kafka:9092",
        ]
        let properties = try KafkaProperties.resolve(options: ["linger.ms=5"], configFile: path, environment: environment)
        #expect(properties == [
            "security.protocol": "SASL_SSL", "sasl.username": "reader", "sasl.password": "from-a-secret", "linger.ms": "5",
        ])
    }

    @Test func errorsNeverShowAValue() throws {
        let secret = "hunter2-secret"
        let badFile = try file("sasl.password \(secret)\n")
        for attempt in [
            { try KafkaProperties.resolve(options: [secret], configFile: nil, environment: [:]) },
            { try KafkaProperties.resolve(options: [], configFile: badFile, environment: [:]) },
        ] {
            #expect {
                _ = try attempt()
            } throws: { error in
                let text = "\(error)"
                return !text.contains(secret) && (text.contains("KEY=VALUE") || text.contains("key=value"))
            }
        }
    }

    @Test func autoCommitCannotBeSwitchedOn() throws {
        for key in ["enable.auto.commit", "enable.auto.offset.store"] {
            #expect(throws: ValidationError.self) {
                try KafkaProperties.resolve(options: ["\(key)=true"], configFile: nil, environment: [:])
            }
            #expect(try KafkaProperties.resolve(options: ["\(key)=false"], configFile: nil, environment: [:])[key] == "false")
        }
        #expect(throws: ValidationError.self) {
            try KafkaProperties.resolve(options: [], configFile: nil, environment: ["NEWSWIRE_KAFKA_ENABLE_AUTO_COMMIT": "true"])
        }
    }

    @Test func runRefusesAMessageTimeoutBeyondTheShutdownGrace() async throws {
        let run = try await CommandRunner.run(["run", "--shutdown-grace", "20s", "--kafka-property", "message.timeout.ms=30000"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("message.timeout.ms") && run.stderr.contains("--shutdown-grace"))
        #expect(!run.stderr.contains("30000"))
    }
}
