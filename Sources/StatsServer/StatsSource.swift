import Pipeline

/// Where the stats server reads from: the worker's current `/stats`
/// document, its health and its readiness. Closures, so the server knows
/// nothing of how the worker is built.
public struct StatsSource: Sendable {
    public var document: @Sendable () throws -> StatsDocument
    public var health: @Sendable () -> HealthStatus
    public var readiness: @Sendable () -> HealthStatus

    public init(
        document: @escaping @Sendable () throws -> StatsDocument,
        health: @escaping @Sendable () -> HealthStatus = { HealthStatus(ok: true, reason: "ok") },
        readiness: @escaping @Sendable () -> HealthStatus
    ) {
        self.document = document
        self.health = health
        self.readiness = readiness
    }

    /// A source whose readiness is a flag and whose health is always ok.
    public init(document: @escaping @Sendable () throws -> StatsDocument, isReady: @escaping @Sendable () -> Bool) {
        self.init(document: document, readiness: {
            isReady() ? HealthStatus(ok: true, reason: "ready") : HealthStatus(ok: false, reason: "no partitions assigned yet")
        })
    }

    public init(worker: ArticleWorker) {
        self.init(document: { try worker.statsDocument() }, health: { worker.healthStatus }, readiness: { worker.readiness })
    }
}
