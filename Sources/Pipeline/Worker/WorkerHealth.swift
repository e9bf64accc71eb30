import Kafka
import Synchronization

/// What `/healthz` and `/readyz` answer, with the reason when the answer is no.
public struct HealthStatus: Sendable, Hashable {
    public var ok: Bool
    public var reason: String

    public init(ok: Bool, reason: String) {
        self.ok = ok
        self.reason = reason
    }
}

/// The worker's own view of its health, fed by the stream core:
///
/// - unhealthy (restart me) after a fatal error, after the consumer was
///   evicted for exceeding `max.poll.interval.ms`, or when it had work (lag or
///   messages in flight) but made no progress for the stall timeout;
/// - ready (send me traffic, count me as a member) only while it is in the
///   group with partitions, can reach a broker and is not draining.
public final class WorkerHealth: Sendable {
    private struct State {
        var fatal: String?
        var evicted = false
        var brokersReachable = true
        var draining = 0
        var stopping = false
    }

    private let state = Mutex(State())
    let stallTimeout: Duration

    public init(stallTimeout: Duration = .seconds(300)) {
        self.stallTimeout = stallTimeout
    }

    func failed(_ reason: String) { state.withLock { $0.fatal = $0.fatal ?? reason } }
    func evicted() { state.withLock { $0.evicted = true } }
    func assigned() { state.withLock { $0.evicted = false } }
    func beginDraining() { state.withLock { $0.draining += 1 } }
    func endDraining() { state.withLock { $0.draining -= 1 } }
    func stopping() { state.withLock { $0.stopping = true } }
    func brokers(reachable: Bool) { state.withLock { $0.brokersReachable = reachable } }

    /// Folds a statistics report in: a broker answering means reachable.
    func update(_ statistics: KafkaStatistics) {
        let up = statistics.brokers.contains { $0.nodeID >= 0 && $0.state == "UP" }
        brokers(reachable: up)
    }

    /// `/healthz`: given the lanes' snapshot.
    func health(_ lanes: LaneTable.Snapshot, now: ContinuousClock.Instant = .now) -> HealthStatus {
        let state = state.withLock { $0 }
        if let fatal = state.fatal { return HealthStatus(ok: false, reason: "stopped after a fatal error: \(fatal)") }
        if state.evicted {
            return HealthStatus(ok: false, reason: "evicted from the group: max.poll.interval.ms passed without a poll")
        }
        let hasWork = lanes.messages > 0 || lanes.lag > 0
        let idle = now - lanes.lastProgress
        if hasWork && idle > stallTimeout {
            return HealthStatus(
                ok: false,
                reason: "stalled: \(lanes.messages) message(s) in flight and lag \(lanes.lag), but nothing finished for \(idle.components.seconds) s"
            )
        }
        return HealthStatus(ok: true, reason: "ok")
    }

    /// `/readyz`: given the lanes' snapshot.
    func readiness(_ lanes: LaneTable.Snapshot) -> HealthStatus {
        let state = state.withLock { $0 }
        if state.stopping { return HealthStatus(ok: false, reason: "shutting down") }
        if state.draining > 0 { return HealthStatus(ok: false, reason: "draining revoked partitions") }
        if !state.brokersReachable { return HealthStatus(ok: false, reason: "no broker reachable") }
        if lanes.partitions.isEmpty { return HealthStatus(ok: false, reason: "no partitions assigned yet") }
        return HealthStatus(ok: true, reason: "ready")
    }
}
