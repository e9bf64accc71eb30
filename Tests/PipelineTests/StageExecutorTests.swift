import Foundation
import Synchronization
import Testing
@testable import Pipeline

/// The stage threads (issue 8, "What to build" 2): work started with the
/// executor as its preference runs on the `stage-N` threads, and while every
/// one of them is busy, work on Swift's cooperative pool (the intake, the
/// publisher, the stats server, signal handling) still runs.
@Suite(.timeLimit(.minutes(1)))
struct StageExecutorTests {
    @Test func stageWorkRunsOnTheStageThreads() async {
        let executor = StageExecutor(threads: 2)
        let names = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 {
                group.addTask(executorPreference: executor) { Self.threadName() }
            }
            return await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        await executor.shutdown()
        #expect(!names.isEmpty && names.allSatisfy { $0.hasPrefix("stage-") }, "\(names)")
    }

    /// The system's name of the thread this runs on.
    private static func threadName() -> String {
        do {
            return try String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            return "unreadable: \(error)"
        }
    }

    @Test func theCooperativePoolRunsWhileEveryStageThreadIsBusy() async {
        let threads = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let executor = StageExecutor(threads: threads)
        let flags = Flags()
        let release = DispatchSemaphore(value: 0)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let tasks = threads * 4
        let finishedWhileBusy = await withTaskGroup(of: Void.self) { group in
            // Stage work, more tasks than threads: each holds its stage thread until released (or
            // 45 s pass). They block rather than spin, so that a loaded machine running the rest of
            // the suite in parallel still has cores for the cooperative work below.
            for _ in 0..<tasks {
                group.addTask(executorPreference: executor) {
                    startedContinuation.yield()
                    if release.wait(timeout: .now() + .seconds(45)) == .timedOut {
                        flags.gaveUp.store(true, ordering: .relaxed)
                    }
                }
            }
            var running = 0
            for await _ in started {
                running += 1
                if running == threads { break }
            }
            // Every stage thread is held now. Work on the cooperative pool must still finish.
            let sum = await withTaskGroup(of: Int.self) { cooperative in
                for index in 0..<tasks {
                    cooperative.addTask { (0..<10_000).reduce(index, &+) }
                }
                return await cooperative.reduce(0, &+)
            }
            let stillBusy = !flags.gaveUp.load(ordering: .relaxed)
            for _ in 0..<tasks { release.signal() }
            return stillBusy && sum != 0
        }
        startedContinuation.finish()
        await executor.shutdown()
        #expect(finishedWhileBusy, "cooperative work finished while every stage thread was busy")
    }

    /// Shared between the test and the blocked stage tasks.
    private final class Flags: Sendable {
        let gaveUp = Atomic<Bool>(false)
    }
}
