import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import newswire

/// Kafka properties from a properties file, `NEWSWIRE_KAFKA_<PROPERTY>`
/// variables and `--kafka-property`, later ones winning; no error shows a
/// value; auto-commit cannot be switched on; every command's broker check
/// connects with them (issue 8, item 8).
@Suite(.timeLimit(.minutes(3)))
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

    /// TLS against the embedded (plaintext) broker: each command's first
    /// client, the broker check, uses the property and cannot connect; the
    /// same command without it gets past the check.
    @Test func everyCommandsBrokerCheckUsesTheProperties() async throws {
        try await CommandRunner.withBroker(topics: ["articles.raw"]) { address in
            let commands = [
                ["status", "--group", "g"],
                ["publish", "--topic", "articles.raw", "-"],
                ["replay", "--dry-run", "--input-topic", "articles.raw", "--group", "g"],
                ["run", "--stats-address", "off"],
            ]
            let tls = ["--brokers", address, "--kafka-property", "security.protocol=ssl"]
            let runs = try await withThrowingTaskGroup(of: ([String], CommandRunner.Run).self) { group in
                for command in commands {
                    group.addTask { (command, try await CommandRunner.run(command + tls, stdin: Data("a headline\n\nA body.\n".utf8), deadline: .seconds(60))) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            for (command, run) in runs {
                #expect(run.status == 1, "\(command): \(run.stderr)")
                #expect(run.stderrLines.count == 1 && run.stderr.hasPrefix("Error: no Kafka broker answered at \(address)"), "\(command): \(run.stderr)")
                #expect(run.stderr.contains("that its listener expects the security.protocol"), "the sentence points at the TLS settings: \(run.stderr)")
                #expect(!run.stderr.contains("=ssl"), "no value is echoed: \(run.stderr)")
            }
            let plain = try await CommandRunner.run(
                ["publish", "--topic", "articles.raw", "-", "--brokers", address], stdin: Data("a headline\n\nA body.\n".utf8), deadline: .seconds(60)
            )
            #expect(plain.status == 0, "without the property the check passes: \(plain.stderr)")
        }
    }

    @Test func runRefusesAMessageTimeoutBeyondTheShutdownGrace() async throws {
        let run = try await CommandRunner.run(["run", "--shutdown-grace", "20s", "--kafka-property", "message.timeout.ms=30000"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("message.timeout.ms") && run.stderr.contains("--shutdown-grace"))
        #expect(!run.stderr.contains("30000"))
    }
}
