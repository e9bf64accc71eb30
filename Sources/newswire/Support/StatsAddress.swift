import ArgumentParser

/// `--stats-address HOST:PORT` for the stats endpoint, or `off`.
struct StatsAddress: Sendable, Hashable {
    var host: String
    var port: Int

    static let defaultValue = "127.0.0.1:8080"

    /// `nil` for `off`.
    static func parse(_ text: String) throws -> StatsAddress? {
        if text == "off" { return nil }
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw ValidationError("--stats-address '\(text)' is not HOST:PORT; write e.g. 127.0.0.1:8080, 0.0.0.0:8080 (all interfaces) or off")
        }
        let host = String(text[..<colon])
        guard !host.isEmpty else {
            throw ValidationError("--stats-address '\(text)' has no host; write e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
        }
        return StatsAddress(host: host, port: port)
    }
}
