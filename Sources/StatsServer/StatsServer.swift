import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus

/// The worker's operational HTTP endpoint: `/stats` (the stats 2.0 JSON
/// document), `/metrics` (Prometheus text: the swift-metrics counters and
/// histograms in the registry, and gauges set from `/stats` at each scrape),
/// `/healthz` (503 after a fatal error, an eviction from the group or a
/// stall: restart me), `/readyz` (503 unless in the group with partitions, a
/// broker reachable and not draining) and `/` (a small dashboard that polls `/stats`). A Hummingbird
/// application, so it runs as a ServiceLifecycle service beside the worker.
public enum StatsServer {
    /// Builds the application on `host:port` (port 0 picks a free one);
    /// `onListening` receives the bound port once the server answers.
    public static func application(
        host: String, port: Int, source: StatsSource, registry: PrometheusCollectorRegistry,
        logger: Logger = Logger(label: "newswire.stats"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router()
        router.get(RouterPath(StatsRoutes.health)) { _, _ -> Response in
            let health = source.health()
            return health.ok ? text(.ok, "ok\n") : text(.serviceUnavailable, "unhealthy: \(health.reason)\n")
        }
        router.get(RouterPath(StatsRoutes.ready)) { _, _ -> Response in
            let readiness = source.readiness()
            return readiness.ok ? text(.ok, "ready\n") : text(.serviceUnavailable, "not ready: \(readiness.reason)\n")
        }
        router.get(RouterPath(StatsRoutes.stats)) { _, _ -> Response in
            bytes(try source.document().jsonBytes(), contentType: "application/json")
        }
        let gauges = ScrapeGauges(registry: registry)
        router.get(RouterPath(StatsRoutes.metrics)) { _, _ -> Response in
            gauges.update(from: try source.document())
            return bytes(registry.emitToBuffer(), contentType: "text/plain; version=0.0.4")
        }
        router.get(RouterPath(StatsRoutes.dashboard)) { _, _ -> Response in
            bytes(DashboardPage.bytes, contentType: "text/html; charset=utf-8")
        }
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "newswire"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    private static func text(_ status: HTTPResponse.Status, _ body: String) -> Response {
        var response = bytes(Array(body.utf8), contentType: "text/plain; charset=utf-8")
        response.status = status
        return response
    }

    private static func bytes(_ body: [UInt8], contentType: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body))
        )
    }
}
