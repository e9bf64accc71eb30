import Pipeline

/// Where the stats server reads from: the worker's current `/stats`
/// document and whether it is ready (has partitions to work on). Closures,
/// so the server knows nothing of how the worker is built.
public struct StatsSource: Sendable {
    public var document: @Sendable () throws -> StatsDocument
    public var isReady: @Sendable () -> Bool

    public init(document: @escaping @Sendable () throws -> StatsDocument, isReady: @escaping @Sendable () -> Bool) {
        self.document = document
        self.isReady = isReady
    }

    public init(worker: ArticleWorker) {
        self.init(document: { try worker.statsDocument() }, isReady: { worker.isReady })
    }
}
