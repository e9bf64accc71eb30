/// A validated `--brokers` value: one or more `host:port`, comma-separated.
///
/// Exists so a typo gives one clear sentence at once instead of librdkafka
/// retrying an impossible address in the background.
public struct KafkaBrokerList: Hashable, Sendable, CustomStringConvertible {
    /// One broker address of the list.
    public struct Address: Hashable, Sendable {
        public var host: String
        public var port: Int
    }

    public var addresses: [Address]

    /// Parses `localhost:9092,broker-2:9093`; throws a sentence naming the bad part.
    public init(parsing text: String) throws(KafkaError) {
        let expected = "expected host:port[,host:port...], e.g. localhost:9092"
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw .invalidArgument("the broker list is empty; \(expected)")
        }
        var addresses: [Address] = []
        for rawEntry in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            var entry = String(rawEntry).trimmingWhitespace()
            for scheme in ["PLAINTEXT://", "plaintext://", "tcp://"] where entry.hasPrefix(scheme) {
                entry = String(entry.dropFirst(scheme.count))
            }
            guard !entry.isEmpty else {
                throw .invalidArgument("'\(text)' has an empty entry; \(expected)")
            }
            guard let colon = entry.lastIndex(of: ":") else {
                throw .invalidArgument("'\(entry)' in '\(text)' has no port; \(expected)")
            }
            var host = String(entry[..<colon])
            if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
            let portText = entry[entry.index(after: colon)...]
            guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }) else {
                throw .invalidArgument("'\(entry)' in '\(text)' has no valid host; \(expected)")
            }
            guard let port = Int(portText), (1...65535).contains(port) else {
                throw .invalidArgument("'\(portText)' in '\(text)' is not a port number (1-65535); \(expected)")
            }
            addresses.append(Address(host: host, port: port))
        }
        self.addresses = addresses
    }

    /// The `bootstrap.servers` value.
    public var description: String {
        addresses.map { $0.host.contains(":") ? "[\($0.host)]:\($0.port)" : "\($0.host):\($0.port)" }.joined(separator: ",")
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
