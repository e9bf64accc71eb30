import Dispatch
import Testing
import TestSupport
@testable import Pipeline

/// The counters' wait for commits ends on cancellation: a test whose worker
/// never commits fails at its deadline instead of hanging.
@Suite(.timeLimit(.minutes(1)))
struct WorkerCountersTests {
    @Test func aCancelledWaitForCommitsReturns() async throws {
        let counters = WorkerCounters()
        let returned = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                await counters.waitUntilCommitted(1)
                returned.signal()
            }
            try await eventually("the wait to block") { counters.waiterCount == 1 }
            tasks.cancelAll()
            let inTime = await returned.signalled(within: .seconds(5))
            // Ends a wait that ignored the cancel, so a failure fails instead of hanging.
            if !inTime { counters.committed(messages: 1, partitions: 1) }
            #expect(inTime, "a cancelled wait for commits returns at once")
        }
        #expect(counters.waiterCount == 0)
    }

    @Test func aWaitForCommitsReturnsOnceEnoughAreCommitted() async throws {
        let counters = WorkerCounters()
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await counters.waitUntilCommitted(3) }
            try await eventually("the wait to block") { counters.waiterCount == 1 }
            counters.committed(messages: 2, partitions: 1)
            #expect(counters.waiterCount == 1, "two of three is not enough")
            counters.committed(messages: 1, partitions: 1)
            try await tasks.waitForAll()
        }
    }
}
