import ArgumentParser

/// `--kafka-property KEY=VALUE` options, passed to librdkafka as they are.
enum KafkaProperties {
    static func parse(_ options: [String]) throws -> [String: String] {
        var result: [String: String] = [:]
        for option in options {
            guard let equals = option.firstIndex(of: "="), equals != option.startIndex else {
                throw ValidationError("--kafka-property '\(option)' is not KEY=VALUE; write e.g. --kafka-property linger.ms=5")
            }
            result[String(option[..<equals])] = String(option[option.index(after: equals)...])
        }
        return result
    }
}
