import Foundation
import Kafka

extension StatsDocument {
    /// The document of a running worker: its configuration, totals, lanes
    /// (`nil` before the stream core started), meters and health, as of now.
    static func make(
        configuration: WorkerConfiguration, counters: WorkerCounters, lanes: LaneTable.Snapshot?,
        health: HealthStatus, readiness: HealthStatus, uptime: Duration
    ) throws -> StatsDocument {
        let totals = counters.current
        let metrics = counters.metrics.snapshot()
        let processor = configuration.processor
        let window = metrics.windowSeconds
        var byStage: [String: Int] = [:]
        for stage in DeadLetterStage.allCases { byStage[stage.rawValue] = totals.deadLettersByStage[stage, default: 0] }
        var byCode: [String: Int] = [:]
        for (reason, count) in totals.deadLettersByReason {
            let code = reason.split(separator: "/", maxSplits: 1).last.map(String.init) ?? reason
            byCode[code, default: 0] += count
        }
        let producer = metrics.producerStatistics
        return StatsDocument(
            generatedAt: Date().formatted(.iso8601),
            pipelineVersion: processor.pipelineVersion,
            uptimeSeconds: max(0.001, uptime.seconds),
            consumerGroup: configuration.group,
            guarantee: "at-least-once",
            outputVersion: processor.enrichedVersion.description,
            topics: Topics(
                input: configuration.inputTopics,
                normalised: try processor.topics.topic(for: .normalised, major: 1),
                parsed: try processor.topics.topic(for: .parsed, major: 1),
                enriched: try processor.topics.topic(for: .enriched, version: processor.enrichedVersion),
                deadLetter: processor.topics.deadLetter
            ),
            health: Health(live: Check(ok: health.ok, reason: health.reason), ready: Check(ok: readiness.ok, reason: readiness.reason)),
            partitions: lanes?.partitions ?? [],
            stages: metrics.stages,
            endToEnd: EndToEnd(latency: metrics.endToEnd),
            deadLetters: DeadLetters(total: totals.deadLettered, byStage: byStage, byCode: byCode),
            rebalances: totals.rebalances,
            producer: Producer(queuedMessages: producer?.queuedMessages, queuedBytes: producer?.queuedBytes),
            brokers: (producer?.brokers ?? []).filter { $0.nodeID >= 0 }.map { broker in
                Broker(
                    name: broker.name, nodeId: broker.nodeID, state: broker.state,
                    rttAverage: broker.roundTripAverageMicroseconds.map { Double($0) / 1_000_000 },
                    rttP99: broker.roundTripP99Microseconds.map { Double($0) / 1_000_000 }
                )
            },
            inFlight: InFlight(
                messages: lanes?.messages ?? 0, limit: configuration.stream.maxInFlightMessages,
                bytes: lanes?.bytes ?? 0, bytesLimit: configuration.stream.maxInFlightBytes
            ),
            throughput: Throughput(
                windowSeconds: window,
                messagesPerSecond: Double(metrics.rates.committed) / window,
                consumedPerSecond: Double(metrics.rates.consumed) / window,
                articlesPerSecond: Double(metrics.rates.articles) / window,
                bytesPerSecond: Double(metrics.rates.bytes) / window
            ),
            totals: Totals(
                consumed: totals.consumed, committed: totals.committed, produced: totals.produced,
                deadLettered: totals.deadLettered, articles: totals.articles, bytesConsumed: totals.bytesConsumed,
                retried: totals.retried, commitsRefused: totals.commitsRefused
            )
        )
    }
}
