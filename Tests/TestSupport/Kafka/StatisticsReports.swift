import Kafka

/// The first report of a client's `statistics` that satisfies `condition`,
/// with a deadline: throws `TimedOut` naming `what` if none comes in time.
public func firstReport(
    _ what: String,
    of statistics: AsyncStream<KafkaStatistics>,
    within timeout: Duration = .seconds(30),
    where condition: @escaping @Sendable (KafkaStatistics) -> Bool
) async throws -> KafkaStatistics {
    try await withDeadline(what, within: timeout) {
        for await report in statistics where condition(report) {
            return report
        }
        throw StatisticsEnded(what: what)
    }
}

/// The client's statistics stream ended (it was closed) before a matching report.
public struct StatisticsEnded: Error, CustomStringConvertible {
    public var what: String
    public var description: String { "the statistics stream ended while waiting for \(what)" }
}
