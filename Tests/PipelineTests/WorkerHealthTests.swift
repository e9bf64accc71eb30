import Kafka
import Testing
@testable import Pipeline

/// `/healthz` and `/readyz` as the worker's health state answers them.
@Suite(.timeLimit(.minutes(1)))
struct WorkerHealthTests {
    private func snapshot(messages: Int, lag: Int64, idle: Duration, partitions: Int = 1) -> LaneTable.Snapshot {
        LaneTable.Snapshot(
            partitions: (0..<partitions).map {
                StatsDocument.Partition(topic: "in", partition: Int32($0), committed: 0, end: lag, lag: lag, inFlight: messages, paused: false)
            },
            messages: messages, processing: messages, publishing: 0, bytes: 0, lag: lag, lastProgress: .now - idle, pauses: 0
        )
    }

    @Test func unhealthyWhenWorkStallsNotWhenIdle() {
        let health = WorkerHealth(stallTimeout: .seconds(60))
        #expect(health.health(snapshot(messages: 0, lag: 0, idle: .seconds(600))).ok, "idle with nothing to do is healthy")
        #expect(health.health(snapshot(messages: 3, lag: 10, idle: .seconds(30))).ok)
        let stalled = health.health(snapshot(messages: 3, lag: 10, idle: .seconds(90)))
        #expect(!stalled.ok && stalled.reason.hasPrefix("stalled"))
        #expect(!health.health(snapshot(messages: 0, lag: 10, idle: .seconds(90))).ok, "lag with nothing taken is a stall too")
    }

    @Test func unhealthyAfterAFatalErrorOrAnEviction() {
        let health = WorkerHealth()
        health.evicted()
        #expect(!health.health(snapshot(messages: 0, lag: 0, idle: .zero)).ok)
        health.assigned()
        #expect(health.health(snapshot(messages: 0, lag: 0, idle: .zero)).ok, "a new assignment means it is back in the group")
        health.failed("the producer was fenced")
        #expect(health.health(snapshot(messages: 0, lag: 0, idle: .zero)).reason.contains("fenced"))
    }

    @Test func readyOnlyWithPartitionsBrokersAndNoDrain() {
        let health = WorkerHealth()
        #expect(!health.readiness(snapshot(messages: 0, lag: 0, idle: .zero, partitions: 0)).ok)
        #expect(health.readiness(snapshot(messages: 0, lag: 0, idle: .zero)).ok)
        health.beginDraining()
        #expect(health.readiness(snapshot(messages: 0, lag: 0, idle: .zero)).reason.contains("draining"))
        health.endDraining()
        health.brokers(reachable: false)
        #expect(!health.readiness(snapshot(messages: 0, lag: 0, idle: .zero)).ok)
        health.brokers(reachable: true)
        health.stopping()
        #expect(!health.readiness(snapshot(messages: 0, lag: 0, idle: .zero)).ok)
    }
}
