import Dispatch
import Foundation
import Synchronization

/// The threads the text stages run on: a `TaskExecutor` with one OS thread
/// per core, so CPU-heavy stage work never occupies Swift's cooperative pool,
/// which the consumer's intake, the publisher, the stats server and signal
/// handling share. A task started with this executor as its preference runs
/// its synchronous work here; jobs run in the order they were enqueued.
///
/// The threads use `SCHED_BATCH`: the scheduler treats them as CPU-bound and
/// lets a waking interactive thread (an HTTP request, a delivery report) run
/// first, without lowering their share of the CPU.
final class StageExecutor: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var head = 0
        var stopping = false
        var running = 0
        var joiners: [CheckedContinuation<Void, Never>] = []

        mutating func pop() -> UnownedJob? {
            guard head < jobs.count else { return nil }
            let job = jobs[head]
            head += 1
            if head == jobs.count || head > 1024 {
                jobs.removeFirst(head)
                head = 0
            }
            return job
        }
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    let threadCount: Int

    /// Starts `threads` threads (at least one), named `stage-N` (also for
    /// the OS, so `top -H` and `perf` show them by name).
    init(threads: Int) {
        threadCount = max(1, threads)
        state.withLock { $0.running = threadCount }
        for index in 0..<threadCount {
            let thread = Thread { [self] in
                Self.preferBatchScheduling()
                Self.nameForTheSystem("stage-\(index)")
                runJobs()
            }
            thread.name = "stage-\(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        state.withLock { $0.jobs.append(job) }
        available.signal()
    }

    /// Lets the threads finish the jobs already enqueued, then end; returns
    /// when they have. Call once no task prefers this executor any more.
    func shutdown() async {
        state.withLock { $0.stopping = true }
        for _ in 0..<threadCount { available.signal() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.running == 0 { return true }
                state.joiners.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func runJobs() {
        while true {
            available.wait()
            let (job, stop) = state.withLock { state in (state.pop(), state.stopping) }
            if let job {
                job.runSynchronously(on: asUnownedTaskExecutor())
            } else if stop {
                break
            }
        }
        let joiners = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.running -= 1
            guard state.running == 0 else { return [] }
            defer { state.joiners = [] }
            return state.joiners
        }
        for joiner in joiners { joiner.resume() }
    }

    /// Foundation keeps `Thread.name` to itself on Linux, and a thread
    /// otherwise carries the name of the one that started it. The name is
    /// cosmetic: when /proc cannot be written, the thread keeps the old one.
    private static func nameForTheSystem(_ name: String) {
        #if os(Linux)
        let descriptor = open("/proc/thread-self/comm", O_WRONLY)
        guard descriptor >= 0 else { return }
        let bytes = Array(name.utf8.prefix(15))
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        #endif
    }

    private static func preferBatchScheduling() {
        #if os(Linux)
        var parameters = sched_param()
        // SCHED_BATCH is 3 on Linux; the macro does not import.
        _ = pthread_setschedparam(pthread_self(), 3, &parameters)
        #endif
    }
}
