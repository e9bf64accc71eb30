extension CommandRunner {
    /// Runs `body` with the address of a fresh embedded cluster (`newswire
    /// broker`) that has `topics`, and stops the cluster afterwards.
    public static func withBroker<T>(topics: [String] = ["articles.raw"], _ body: (String) async throws -> T) async throws -> T {
        let broker = try BackgroundCommand(["broker"] + topics.flatMap { ["--topic", $0] })
        guard let address = await broker.firstLine(within: .seconds(60)) else {
            await broker.stop()
            throw BrokerDidNotStart(stderr: broker.stderr)
        }
        do {
            let result = try await body(address)
            await broker.stop()
            return result
        } catch {
            await broker.stop()
            throw error
        }
    }
}

/// `newswire broker` printed no address.
public struct BrokerDidNotStart: Error, CustomStringConvertible {
    public var stderr: String
    public var description: String { "newswire broker printed no address; its stderr: \(stderr)" }
}
