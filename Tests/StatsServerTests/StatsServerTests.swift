import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Pipeline
import Prometheus
import StatsServer
import Synchronization
import Testing
import TestSupport

/// The stats server over real HTTP on a free port: each route answers with
/// its content type, `/readyz` follows the worker's readiness, and `/metrics`
/// carries what was recorded in the registry.
@Suite(.timeLimit(.minutes(5))) struct StatsServerTests {
    static func document(partitions: [StatsDocument.Partition]) -> StatsDocument {
        let latency = LatencyWindows(
            lastMinute: LatencySummary(count: 5, p50: 0.002, p90: 0.004, p99: 0.005, max: 0.005),
            sinceStart: LatencySummary(count: 5, p50: 0.002, p90: 0.004, p99: 0.005, max: 0.005)
        )
        func stage(_ entered: Int, _ failed: Int) -> StatsDocument.Stage {
            .init(in: entered, out: entered - failed, failed: failed, inFlight: 0, dropped: 0, latency: latency)
        }
        return StatsDocument(
            generatedAt: "2026-01-01T00:00:00Z", pipelineVersion: "0.1.0", uptimeSeconds: 12, consumerGroup: "newswire",
            guarantee: "at-least-once", outputVersion: "1.1",
            topics: .init(input: ["articles.raw"], normalised: "articles.normalised.v1", parsed: "articles.parsed.v1",
                          enriched: "articles.enriched.v1", deadLetter: "articles.dlq.v1"),
            health: .init(live: .init(ok: true, reason: "ok"), ready: .init(ok: true, reason: "ready")),
            partitions: partitions,
            stages: .init(normalise: stage(6, 1), parse: stage(5, 0), enrich: stage(5, 0), publish: stage(6, 0)),
            endToEnd: .init(latency: latency),
            deadLetters: .init(total: 1, byStage: ["normalise": 1], byCode: ["invalid-utf8": 1]),
            rebalances: 1,
            producer: .init(queuedMessages: 3, queuedBytes: 4096),
            brokers: [.init(name: "127.0.0.1:9092/1", nodeId: 1, state: "UP", rttAverage: 0.0015, rttP99: 0.004)],
            inFlight: .init(messages: 0, limit: 500, bytes: 0, bytesLimit: 48 << 20),
            throughput: .init(windowSeconds: 12, messagesPerSecond: 0.5, consumedPerSecond: 0.5, articlesPerSecond: 0.5, bytesPerSecond: 100),
            totals: .init(consumed: 6, committed: 6, produced: 16, deadLettered: 1, articles: 5, bytesConsumed: 1200, retried: 0, commitsRefused: 0)
        )
    }

    static let partition0 = StatsDocument.Partition(topic: "articles.raw", partition: 0, committed: 5, end: 7, lag: 2, inFlight: 0, paused: false)
    static let partition1 = StatsDocument.Partition(topic: "articles.raw", partition: 1, committed: 9, end: 9, lag: 0, inFlight: 0, paused: true)

    @Test func servesEveryRoute() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "newswire_test_total").increment(by: Int64(3))
        let ready = ReadyFlag()
        let partitions = PartitionList([Self.partition0, Self.partition1])
        let source = StatsSource(document: { Self.document(partitions: partitions.value) }, isReady: { ready.value })
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "test.stats")
        quiet.logLevel = .critical
        let app = StatsServer.application(host: "127.0.0.1", port: 0, source: source, registry: registry, logger: quiet) { port in
            continuation.yield(port)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            let port = try await withDeadline("the stats server to listen") {
                var iterator = ports.makeAsyncIterator()
                guard let port = await iterator.next() else { throw CancellationError() }
                return port
            }
            let base = "http://127.0.0.1:\(port)"

            let health = try await get(base + StatsRoutes.health)
            #expect(health.status == 200 && health.body == "ok\n")

            #expect(try await get(base + StatsRoutes.ready).status == 503)
            ready.value = true
            #expect(try await get(base + StatsRoutes.ready).status == 200)

            let stats = try await get(base + StatsRoutes.stats)
            #expect(stats.status == 200)
            #expect(stats.contentType == "application/json")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.body.utf8)) as? [String: Any])
            #expect(object["schema"] as? String == "stats")
            #expect((object["totals"] as? [String: Any])?["deadLettered"] as? Int == 1)

            let metrics = try await get(base + StatsRoutes.metrics)
            #expect(metrics.body.contains("newswire_test_total 3"))
            // Gauges come from the document, with the catalog's help text.
            #expect(metrics.body.contains(#"newswire_consumer_lag{topic="articles.raw",partition="0"} 2"#), "\(metrics.body)")
            #expect(metrics.body.contains(#"newswire_partition_paused{topic="articles.raw",partition="1"} 1"#))
            #expect(metrics.body.contains("# HELP newswire_consumer_lag \(MetricCatalog.lag.help)"))
            #expect(metrics.body.contains(#"newswire_broker_rtt_seconds{broker="127.0.0.1:9092/1"} 0.0015"#))
            #expect(metrics.body.contains("newswire_producer_queue_messages 3"))
            #expect(metrics.body.contains("newswire_ready 1"))
            // A partition that left the document leaves /metrics too.
            partitions.value = [Self.partition0]
            let after = try await get(base + StatsRoutes.metrics).body
            #expect(after.contains(#"partition="0""#))
            #expect(!after.contains(#"partition="1""#), "\(after)")

            let dashboard = try await get(base + StatsRoutes.dashboard)
            #expect(dashboard.contentType?.hasPrefix("text/html") == true)
            #expect(dashboard.body.contains("fetch(\"/stats\""))
            #expect(!dashboard.body.contains("src=\"http"), "the dashboard loads nothing from elsewhere")
            group.cancelAll()
        }
    }

    private func get(_ address: String) async throws -> (status: Int, contentType: String?, body: String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: address)))
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type"), String(decoding: data, as: UTF8.self))
    }
}

/// The partitions the test's document lists, changed while the server runs.
final class PartitionList: Sendable {
    private let state: Mutex<[StatsDocument.Partition]>
    init(_ partitions: [StatsDocument.Partition]) { state = Mutex(partitions) }
    var value: [StatsDocument.Partition] {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}

/// A readiness flag the test flips while the server runs.
final class ReadyFlag: Sendable {
    private let state = Mutex(false)
    var value: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
