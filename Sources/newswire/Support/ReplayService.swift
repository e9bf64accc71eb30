import Pipeline
import ServiceLifecycle
import Synchronization

/// A replay run as a ServiceLifecycle service, so SIGTERM and SIGINT are a
/// graceful shutdown (the job stops fetching, finishes the work in flight,
/// commits and leaves its group), with its progress shown while it runs.
final class ReplayService: Service {
    let job: ReplayJob
    let display: ReplayProgressDisplay
    private let result = Mutex<WorkerCounters.Totals?>(nil)

    init(job: ReplayJob) {
        self.job = job
        self.display = ReplayProgressDisplay(job: job)
    }

    /// The job's totals once it returned.
    var totals: WorkerCounters.Totals? { result.withLock { $0 } }

    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let totals = try await self.job.run()
                self.result.withLock { $0 = totals }
            }
            group.addTask { await self.display.run() }
            try await group.next()
            group.cancelAll()
        }
    }
}
