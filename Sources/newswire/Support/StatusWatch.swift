import Foundation
import Kafka
import Logging
import ServiceLifecycle

/// `newswire status --watch`: the report again every interval until Ctrl-C
/// or SIGTERM (a ServiceLifecycle service, so either ends it with exit 0),
/// or until `count` reports. On a terminal the table redraws in place with
/// each partition's committed messages per second since the previous
/// report; into a pipe, reports follow one another (JSON: one line each).
/// The first report must succeed — a wrong group or broker list is an error
/// at once — and a later failure is one line on stderr, then it goes on.
struct StatusWatch: Service {
    var report: @Sendable () async throws -> GroupReport
    /// Seconds between reports.
    var interval: Int
    var count: Int?
    var json: Bool
    var terminal: Bool

    func run() async throws {
        var previous: (time: ContinuousClock.Instant, committed: [KafkaTopicPartition: Int64])?
        var reports = 0
        while count.map({ reports < $0 }) ?? true {
            let started = ContinuousClock.now
            do {
                let current = try await report()
                let rates = previous.map { Self.rates(from: $0, to: current, at: started) }
                try write(current, rates: rates ?? [:], number: reports)
                previous = (started, Dictionary(current.rows.compactMap { row in row.committed.map { (row.topicPartition, $0) } }) { $1 })
            } catch {
                if reports == 0 { throw error }
                StandardStreams.warn("newswire: status refresh failed (trying again in \(interval) s): \(error)")
            }
            reports += 1
            if let count, reports >= count { return }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(until: started + .seconds(interval), clock: .continuous) }
            } catch {
                return  // Ctrl-C or SIGTERM: done
            }
        }
    }

    private func write(_ report: GroupReport, rates: [KafkaTopicPartition: Double], number: Int) throws {
        if json {
            StandardStreams.writeLine(try report.document().jsonLine())
            return
        }
        let now = Date().formatted(.iso8601)
        var lines = report.lines(rates: rates)
        if terminal {
            // Home and clear, then the report with a title line.
            lines.insert("\u{1B}[H\u{1B}[2Jnewswire status · every \(interval) s · \(now) · Ctrl-C to stop", at: 0)
        } else {
            lines.insert((number > 0 ? "\n" : "") + "at \(now)", at: 0)
        }
        StandardStreams.writeLine(lines.joined(separator: "\n"))
    }

    /// Committed messages per second on each partition since the previous report.
    private static func rates(
        from previous: (time: ContinuousClock.Instant, committed: [KafkaTopicPartition: Int64]), to report: GroupReport,
        at now: ContinuousClock.Instant
    ) -> [KafkaTopicPartition: Double] {
        let parts = (now - previous.time).components
        let seconds = Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
        guard seconds > 0 else { return [:] }
        var rates: [KafkaTopicPartition: Double] = [:]
        for row in report.rows {
            guard let committed = row.committed, let before = previous.committed[row.topicPartition] else { continue }
            rates[row.topicPartition] = Double(max(0, committed - before)) / seconds
        }
        return rates
    }
}
