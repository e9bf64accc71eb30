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
    static let document = StatsDocument(
        generatedAt: "2026-01-01T00:00:00Z", pipelineVersion: "0.1.0", uptimeSeconds: 12, consumerGroup: "newswire",
        guarantee: "at-least-once", outputVersion: "1.1",
        topics: .init(input: ["articles.raw"], normalised: "articles.normalised.v1", parsed: "articles.parsed.v1",
                      enriched: "articles.enriched.v1", deadLetter: "articles.dlq.v1"),
        partitions: [.init(topic: "articles.raw", partition: 0, committedOffset: 5, highWatermark: 7, lag: 2, inFlight: 0, paused: false)],
        stages: .init(normalise: .init(processed: 5, failed: 1, inFlight: 0), parse: .init(processed: 5, failed: 0, inFlight: 0),
                      enrich: .init(processed: 5, failed: 0, inFlight: 0), publish: .init(processed: 15, failed: 0, inFlight: 0)),
        inFlight: .init(messages: 0, limit: 500),
        throughput: .init(windowSeconds: 12, messagesPerSecond: 0.5, articlesPerSecond: 0.5, bytesPerSecond: 100),
        totals: .init(consumed: 6, committed: 2, produced: 15, deadLettered: 1)
    )

    @Test func servesEveryRoute() async throws {
        let registry = PrometheusCollectorRegistry()
        registry.makeCounter(name: "newswire_test_total").increment(by: Int64(3))
        let ready = ReadyFlag()
        let source = StatsSource(document: { Self.document }, isReady: { ready.value })
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

            let dashboard = try await get(base + StatsRoutes.dashboard)
            #expect(dashboard.contentType?.hasPrefix("text/html") == true)
            #expect(dashboard.body.contains("fetch(\"/stats\")"))
            group.cancelAll()
        }
    }

    private func get(_ address: String) async throws -> (status: Int, contentType: String?, body: String) {
        let (data, response) = try await URLSession.shared.data(from: try #require(URL(string: address)))
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type"), String(decoding: data, as: UTF8.self))
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
