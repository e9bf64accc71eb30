import Kafka
import Synchronization

/// Every lane of a worker under one lock, with the totals the byte budget
/// is checked against. The parts of the stream core meet here:
///
/// - the intake admits messages (`admit`) and adds and removes lanes;
/// - stage tasks hand in results (`processed`), and the lane passes them to
///   the publisher in offset order through `publish`;
/// - the publisher says what it sent (`beginPublishing`, `notSent`);
/// - delivery reports arrive on the producer's thread (`delivered`);
/// - the commit tracker reads what may be committed (`commitCandidates`);
/// - the flow controller asks which partitions to pause or resume.
///
/// Every call is short and never waits, so the producer's delivery thread and
/// the stage threads can call in directly.
final class LaneTable: Sendable {
    struct CommitCandidate: Sendable, Hashable {
        var offset: KafkaPartitionOffset
        var lane: UInt32
        var doneCount: Int
    }

    /// What `/stats`, `/healthz` and `/readyz` read.
    struct Snapshot: Sendable {
        var partitions: [StatsDocument.Partition]
        var messages: Int
        var processing: Int
        var publishing: Int
        var bytes: Int
        var lag: Int64
        var lastProgress: ContinuousClock.Instant
        var pauses: Int
    }

    private struct State {
        var lanes: [KafkaTopicPartition: PartitionLane] = [:]
        var partitionsByLane: [UInt32: KafkaTopicPartition] = [:]
        var nextLaneID: UInt32 = 1
        var bytes = 0
        var messages = 0
        var doneSinceTrigger = 0
        var pauses = 0
        var drainWaiters: [UInt64: (partitions: Set<KafkaTopicPartition>, continuation: CheckedContinuation<Void, Never>)] = [:]
        var nextWaiterID: UInt64 = 0
        var lastProgress = ContinuousClock.now
        var failure: WorkerError?
    }

    private let state = Mutex(State())
    let settings: StreamSettings
    private let counters: WorkerCounters
    private let publish: AsyncStream<PublishItem>.Continuation
    private let onFlowChange: @Sendable () -> Void
    private let onCommitDue: @Sendable () -> Void

    init(
        settings: StreamSettings, counters: WorkerCounters, publish: AsyncStream<PublishItem>.Continuation,
        onFlowChange: @escaping @Sendable () -> Void = {}, onCommitDue: @escaping @Sendable () -> Void = {}
    ) {
        self.settings = settings
        self.counters = counters
        self.publish = publish
        self.onFlowChange = onFlowChange
        self.onCommitDue = onCommitDue
    }

    // MARK: assignment

    /// Adds a lane for each partition that has none.
    func assign(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions where state.lanes[partition] == nil {
                let id = state.nextLaneID
                state.nextLaneID = id + 1 >= LaneTicket.laneIDLimit ? 1 : id + 1
                state.lanes[partition] = PartitionLane(id: id, partition: partition)
                state.partitionsByLane[id] = partition
            }
        }
    }

    /// Marks partitions as being revoked: they are not resumed while they drain.
    func beginRevoking(_ partitions: [KafkaTopicPartition]) {
        state.withLock { state in
            for partition in partitions { state.lanes[partition]?.revoking = true }
        }
    }

    /// Drops the lanes and everything in flight in them; reports and results
    /// that arrive for them later are ignored.
    func remove(_ partitions: [KafkaTopicPartition]) {
        let waiters = state.withLock { state in
            for partition in partitions {
                guard let lane = state.lanes.removeValue(forKey: partition) else { continue }
                counters.metrics.publish.dropped(lane.held.count { !$0.isProcessing && !$0.isDone })
                state.partitionsByLane[lane.id] = nil
                state.bytes -= lane.bytes
                state.messages -= lane.count
            }
            return Self.drainedWaiters(&state)
        }
        for waiter in waiters { waiter.resume() }
    }

    var assignedPartitions: [KafkaTopicPartition] { state.withLock { Array($0.lanes.keys) } }

    // MARK: messages

    /// Takes a message into its partition's lane; `nil` when this worker has
    /// no lane for it (the partition was revoked, lost or fenced meanwhile).
    func admit(_ message: KafkaMessage) -> LaneTicket? {
        state.withLock { state in
            guard state.failure == nil, var lane = state.lanes.removeValue(forKey: message.topicPartition) else { return nil }
            defer { state.lanes[message.topicPartition] = lane }
            let sequence = lane.append(message)
            state.bytes += message.byteCount
            state.messages += 1
            return LaneTicket(lane: lane.id, sequence: sequence)
        }
    }

    /// The stages' result for a message; hands every message that is now at
    /// the front of the lane's unpublished part to the publisher, in order.
    func processed(_ ticket: LaneTicket, _ result: PublishPlan) {
        let outputBytes = result.bytes
        state.withLock { state in
            Self.withLane(ticket.lane, &state) { lane, state in
                guard let index = lane.index(of: ticket.sequence), lane[index].isProcessing else { return }
                counters.metrics.publish.entered()
                lane[index].processedAt = .now
                lane[index].outputBytes = outputBytes
                lane[index].outcome = result.outcome
                lane[index].rejection = result.rejection
                lane[index].phase = .ready(result)
                lane.bytes += outputBytes
                state.bytes += outputBytes
                while let next = lane.index(of: lane.publishCursor), case .ready(let ready) = lane[next].phase {
                    lane[next].phase = .queued
                    publish.yield(.records(LaneTicket(lane: lane.id, sequence: lane.publishCursor), ready))
                    lane.publishCursor += 1
                }
            }
        }
    }

    /// The publisher is about to send `pending` records for the message;
    /// `false` when the message's lane is gone (send nothing).
    func beginPublishing(
        _ ticket: LaneTicket, pending: Int, outcome: ProcessedMessage.Outcome?, deadLetter: Bool, rejection: PublishRejection?
    ) -> Bool {
        let (accepted, waiters) = state.withLock { state -> (Bool, [CheckedContinuation<Void, Never>]) in
            var accepted = false
            var waiters: [CheckedContinuation<Void, Never>] = []
            Self.withLane(ticket.lane, &state) { lane, state in
                guard let index = lane.index(of: ticket.sequence) else { return }
                switch lane[index].phase {
                case .queued, .waiting: break
                default: return
                }
                accepted = true
                if let outcome { lane[index].outcome = outcome }
                if let rejection { lane[index].rejection = rejection }
                lane[index].sendingDeadLetter = deadLetter
                lane[index].retryOutputs = []
                lane[index].phase = .publishing(pending: pending)
                if pending == 0 { waiters = settle(index, in: &lane, state: &state) }
            }
            return (accepted, waiters)
        }
        for waiter in waiters { waiter.resume() }
        return accepted
    }

    /// A delivery report for a ticket from `LaneTicket.delivery(output:)`;
    /// called on the producer's delivery thread.
    func delivered(_ delivery: UInt64, _ report: KafkaDeliveryReport) {
        let (laneID, lowBits, output) = LaneTicket.parse(delivery: delivery)
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            var waiters: [CheckedContinuation<Void, Never>] = []
            Self.withLane(laneID, &state) { lane, state in
                guard let index = lane.index(of: lane.sequence(lowBits: lowBits)),
                      case .publishing(let pending) = lane[index].phase
                else { return }
                if let error = report.error {
                    switch error.kind {
                    case .recordRejected where lane[index].sendingDeadLetter:
                        fail(.deadLetterRefused(topic: report.topic, error), &state)
                    case .recordRejected:
                        lane[index].rejection = lane[index].rejection ?? PublishRejection(refused: error, topic: report.topic)
                    case .fatal:
                        fail(.fatal(error), &state)
                    case .transient, .membershipLost:
                        lane[index].retryOutputs.append(output)
                    }
                } else {
                    lane[index].acknowledged += 1
                }
                lane[index].phase = .publishing(pending: pending - 1)
                if pending == 1 { waiters = settle(index, in: &lane, state: &state) }
            }
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// The publisher could not hand an output to the producer: the same as a
    /// failed delivery report.
    func notSent(_ ticket: LaneTicket, output: Int, topic: String, error: KafkaError) {
        delivered(ticket.delivery(output: output), KafkaDeliveryReport(topic: topic, partition: -1, offset: .invalid, error: error))
    }

    /// Once a message has every report: send again what failed transiently,
    /// else dead-letter what was refused, else it is done.
    private func settle(_ index: Int, in lane: inout PartitionLane, state: inout State) -> [CheckedContinuation<Void, Never>] {
        var entry = lane[index]
        let ticket = LaneTicket(lane: lane.id, sequence: entry.sequence)
        if !entry.retryOutputs.isEmpty {
            entry.attempt += 1
            entry.phase = .waiting
            publish.yield(.retry(
                ticket, input: entry.input, outputs: entry.retryOutputs, attempt: entry.attempt,
                rejection: entry.sendingDeadLetter ? entry.rejection : nil
            ))
            lane[index] = entry
            return []
        }
        if let rejection = entry.rejection, !entry.sendingDeadLetter {
            entry.phase = .waiting
            lane[index] = entry
            publish.yield(.deadLetter(ticket, input: entry.input, rejection: rejection))
            return []
        }
        entry.phase = .done
        lane[index] = entry
        measurePublished(entry)
        let wasPaused = lane.paused
        let removed = lane.popDone()
        guard !removed.isEmpty else { return [] }
        for done in removed {
            state.bytes -= done.inputBytes + done.outputBytes
            state.messages -= 1
            counters.completed(done.outcome, records: done.acknowledged)
        }
        state.lastProgress = .now
        state.doneSinceTrigger += removed.count
        if state.doneSinceTrigger >= settings.commitEvery {
            state.doneSinceTrigger = 0
            onCommitDue()
        }
        if wasPaused || state.lanes.values.contains(where: \.paused) { onFlowChange() }
        return state.drainWaiters.isEmpty ? [] : Self.drainedWaiters(&state, pending: lane)
    }

    /// The publish stage's time and outcome for a message now done, and its
    /// end-to-end latency when it had articles (its enriched records are
    /// among the outputs acknowledged).
    private func measurePublished(_ entry: LaneEntry) {
        let now = ContinuousClock.now
        let metrics = counters.metrics
        var failed = false
        switch entry.outcome {
        case .deadLettered(.publish, _): failed = true
        case .articles(let count) where count > 0:
            if let timestamp = entry.input.timestampMilliseconds { metrics.acknowledged(inputTimestampMilliseconds: timestamp, at: now) }
        default: break
        }
        metrics.publish.left(after: entry.processedAt.map { now - $0 } ?? .zero, failed: failed, at: now)
    }

    // MARK: commits

    /// Per lane (of `partitions`, or all), the offset that may be committed
    /// when it moved past the last commit. None once the core failed: a
    /// record that met the fatal error settles without being acknowledged.
    func commitCandidates(_ partitions: Set<KafkaTopicPartition>? = nil) -> [CommitCandidate] {
        state.withLock { state in
            guard state.failure == nil else { return [] }
            return state.lanes.values.compactMap { lane in
                guard partitions?.contains(lane.partition) ?? true, let offset = lane.committable,
                      offset > (lane.committed ?? -1)
                else { return nil }
                return CommitCandidate(
                    offset: KafkaPartitionOffset(topicPartition: lane.partition, offset: KafkaOffset(offset)),
                    lane: lane.id, doneCount: lane.doneCount
                )
            }.sorted { ($0.offset.topic, $0.offset.partition) < ($1.offset.topic, $1.offset.partition) }
        }
    }

    /// Records a commit the broker accepted.
    func committed(_ candidates: [CommitCandidate]) {
        var messages = 0
        state.withLock { state in
            for candidate in candidates {
                Self.withLane(candidate.lane, &state) { lane, state in
                    lane.committed = max(lane.committed ?? -1, candidate.offset.offset.rawValue)
                    messages += max(0, candidate.doneCount - lane.committedCount)
                    lane.committedCount = max(lane.committedCount, candidate.doneCount)
                    state.lastProgress = .now
                }
            }
        }
        counters.committed(messages: messages, partitions: candidates.count)
    }

    // MARK: flow

    /// Partitions to pause (over their window or byte bound, or all busy ones
    /// when the total is over) and to resume (back under half of every bound).
    func flowChanges() -> (pause: [KafkaTopicPartition], resume: [KafkaTopicPartition]) {
        state.withLock { state in
            let totalOver = state.bytes >= settings.maxInFlightBytes || state.messages >= settings.maxInFlightMessages
            let totalLow = state.bytes <= settings.maxInFlightBytes / 2 && state.messages <= settings.maxInFlightMessages / 2
            var pause: [KafkaTopicPartition] = []
            var resume: [KafkaTopicPartition] = []
            for (partition, lane) in state.lanes {
                let over = lane.count >= settings.window || lane.bytes >= settings.partitionBytes || (totalOver && lane.count > 0)
                let low = lane.count <= settings.window / 2 && lane.bytes <= settings.partitionBytes / 2 && totalLow
                if !lane.paused && over {
                    state.lanes[partition]?.paused = true
                    state.pauses += 1
                    pause.append(partition)
                } else if lane.paused && low && !lane.revoking {
                    state.lanes[partition]?.paused = false
                    resume.append(partition)
                }
            }
            return (pause, resume)
        }
    }

    /// Marks every lane paused (at shutdown); returns those that were not.
    func pauseAll() -> [KafkaTopicPartition] {
        state.withLock { state in
            let running = state.lanes.filter { !$0.value.paused }.map(\.key)
            for partition in running { state.lanes[partition]?.paused = true }
            return running
        }
    }

    // MARK: draining and failure

    /// Returns once none of `partitions` holds a message (or has a lane), or
    /// the core failed, or the task is cancelled.
    func waitDrained(_ partitions: Set<KafkaTopicPartition>) async {
        let id = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if Task.isCancelled || state.failure != nil || Self.isDrained(partitions, state) { return true }
                    state.drainWaiters[id] = (partitions, continuation)
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.drainWaiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }

    /// Stops the core: remembers the first failure, tells the publisher and
    /// wakes every drain waiter.
    func fail(_ error: WorkerError) {
        let waiters = state.withLock { state in
            fail(error, &state)
            return Self.drainedWaiters(&state)
        }
        for waiter in waiters { waiter.resume() }
    }

    private func fail(_ error: WorkerError, _ state: inout State) {
        guard state.failure == nil else { return }
        state.failure = error
        publish.yield(.fatal(error))
        for key in Array(state.drainWaiters.keys) {
            state.drainWaiters.removeValue(forKey: key)?.continuation.resume()
        }
    }

    var failure: WorkerError? { state.withLock { $0.failure } }

    /// How many `waitDrained` calls are waiting now.
    var drainWaiterCount: Int { state.withLock { $0.drainWaiters.count } }

    private static func isDrained(_ partitions: Set<KafkaTopicPartition>, _ state: State) -> Bool {
        partitions.allSatisfy { (state.lanes[$0]?.count ?? 0) == 0 }
    }

    private static func drainedWaiters(_ state: inout State, pending lane: PartitionLane? = nil) -> [CheckedContinuation<Void, Never>] {
        var ready: [CheckedContinuation<Void, Never>] = []
        for (id, waiter) in state.drainWaiters {
            let drained = waiter.partitions.allSatisfy { partition in
                partition == lane?.partition ? lane?.count == 0 : (state.lanes[partition]?.count ?? 0) == 0
            }
            if drained {
                state.drainWaiters[id] = nil
                ready.append(waiter.continuation)
            }
        }
        return ready
    }

    // MARK: statistics and snapshots

    /// Folds librdkafka's statistics in: high watermarks and the group's
    /// committed offsets, for lag.
    func update(_ statistics: KafkaStatistics) {
        state.withLock { state in
            for partition in statistics.partitions {
                let key = KafkaTopicPartition(topic: partition.topic, partition: partition.partition)
                guard state.lanes[key] != nil else { continue }
                if let high = partition.highWatermark { state.lanes[key]?.highWatermark = high }
                if let committed = partition.committedOffset { state.lanes[key]?.reportedCommitted = committed }
            }
        }
    }

    var snapshot: Snapshot {
        state.withLock { state in
            var lag: Int64 = 0
            var processing = 0
            var publishing = 0
            let partitions = state.lanes.values.sorted { ($0.partition.topic, $0.partition.partition) < ($1.partition.topic, $1.partition.partition) }
                .map { lane -> StatsDocument.Partition in
                    let committed = lane.committed ?? lane.reportedCommitted
                    // The end comes with the statistics (every few seconds), a
                    // commit at once: an offset committed is never past the end.
                    let end = lane.highWatermark.map { max($0, committed ?? 0) }
                    let partitionLag = end.map { $0 - (committed ?? 0) }
                    lag += partitionLag ?? 0
                    let inStages = lane.processingCount
                    processing += inStages
                    publishing += lane.count - inStages
                    return StatsDocument.Partition(
                        topic: lane.partition.topic, partition: lane.partition.partition, committed: committed,
                        end: end, lag: partitionLag, inFlight: lane.count, paused: lane.paused
                    )
                }
            return Snapshot(
                partitions: partitions, messages: state.messages, processing: processing, publishing: publishing,
                bytes: state.bytes, lag: lag, lastProgress: state.lastProgress, pauses: state.pauses
            )
        }
    }

    // MARK: helpers

    /// Runs `body` on the lane with `id`, if it still exists, and writes it back.
    private static func withLane(_ id: UInt32, _ state: inout State, _ body: (inout PartitionLane, inout State) -> Void) {
        guard let partition = state.partitionsByLane[id], var lane = state.lanes.removeValue(forKey: partition) else { return }
        body(&lane, &state)
        state.lanes[partition] = lane
    }
}
