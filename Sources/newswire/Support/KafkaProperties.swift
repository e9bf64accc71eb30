import ArgumentParser
import Foundation

/// The librdkafka properties every client of a command gets, from three
/// places, later ones winning:
///
/// 1. a librdkafka-style properties file (`--kafka-config FILE`, env
///    `NEWSWIRE_KAFKA_CONFIG`): `key=value` lines, `#` or `!` comments;
/// 2. `NEWSWIRE_KAFKA_<PROPERTY>` environment variables, the property
///    upper-cased with dots as underscores (`NEWSWIRE_KAFKA_SASL_PASSWORD`
///    is `sasl.password`), so secrets can come from a Kubernetes Secret;
/// 3. `--kafka-property KEY=VALUE` on the command line.
///
/// Values may be secrets, so no message ever shows one. The worker commits
/// offsets itself, only after acknowledgement, so `enable.auto.commit` and
/// `enable.auto.offset.store` cannot be switched on.
enum KafkaProperties {
    static let configFlag = "kafka-config"
    static let environmentPrefix = "NEWSWIRE_KAFKA_"
    /// Variables under the prefix that are flags, not properties.
    static let reserved: Set<String> = ["NEWSWIRE_KAFKA_CONFIG", "NEWSWIRE_KAFKA_PROPERTY"]
    /// Properties pinned to `false`.
    static let pinnedOff = ["enable.auto.commit", "enable.auto.offset.store"]

    static func resolve(
        options: [String], configFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [String: String] {
        var result: [String: String] = [:]
        if let path = configFile {
            result.merge(try file(path)) { _, new in new }
        }
        result.merge(fromEnvironment(environment)) { _, new in new }
        result.merge(try parse(options)) { _, new in new }
        for key in pinnedOff {
            if let value = result[key], value.lowercased() != "false" {
                throw ValidationError(
                    "the Kafka property \(key) cannot be switched on: newswire commits offsets itself, only after every output is acknowledged; remove it from your Kafka properties"
                )
            }
        }
        return result
    }

    /// `--kafka-property KEY=VALUE` options.
    static func parse(_ options: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for (index, option) in options.enumerated() {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError(
                    "--kafka-property number \(index + 1) is not KEY=VALUE (its text is not shown, it may be a secret); write e.g. --kafka-property linger.ms=5"
                )
            }
            result[String(option[..<equals]).trimmingCharacters(in: .whitespaces)] = String(option[option.index(after: equals)...])
        }
        return result
    }

    /// A librdkafka-style properties file, as kcat's `-F` reads it.
    static func file(_ path: String) throws -> [String: String] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read the Kafka properties file '\(path)' (--kafka-config): \(error.localizedDescription); check the path and its permissions")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("the Kafka properties file '\(path)' is not UTF-8 text; write it as key=value lines")
        }
        var result: [String: String] = [:]
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("!") { continue }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw ValidationError(
                    "line \(number + 1) of the Kafka properties file '\(path)' is not key=value (its text is not shown); fix or comment it out with #"
                )
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            result[key] = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// `NEWSWIRE_KAFKA_SASL_PASSWORD=…` as `sasl.password`.
    static func fromEnvironment(_ environment: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, value) in environment where name.hasPrefix(environmentPrefix) && !reserved.contains(name) {
            let key = name.dropFirst(environmentPrefix.count).lowercased().replacingOccurrences(of: "_", with: ".")
            guard !key.isEmpty else { continue }
            result[key] = value
        }
        return result
    }
}
