import Kafka
import Logging

/// Commits, per partition, the offset after the longest run of messages whose
/// outputs (or dead letters) are all acknowledged: about every second, early
/// when many messages are ready, and on demand for a revoke or shutdown.
/// Never per message, and never past a message still in flight.
///
/// Commit errors are handled by kind: transient ones (a coordinator moving, a
/// rebalance in progress) are retried with backoff; membership ones (illegal
/// generation, unknown member) drop that commit: librdkafka rejoins the group,
/// and if the partitions were taken away it says so with a revocation (lost),
/// which drops their in-flight work; if they stay, the next commit, in the new
/// generation, covers them. The lanes are never dropped on the commit error
/// alone: librdkafka may keep the partitions (seen with Tansu), and a
/// dropped lane would then skip their messages. Fatal errors stop the core.
struct CommitTracker: Sendable {
    let consumer: KafkaConsumer
    let table: LaneTable
    let settings: StreamSettings
    let counters: WorkerCounters
    let logger: Logger
    /// Wakes the loop early (`LaneTable`'s commit-every count).
    let due: AsyncStream<Void>

    /// Commits on a timer and when due, until cancelled.
    func run() async throws {
        var failures = 0
        var nextAttempt = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            let (ticks, tick) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
            group.addTask { [interval = settings.commitInterval] in
                while !Task.isCancelled {
                    do {
                        try await Task.sleep(for: interval)
                    } catch {
                        break  // cancelled: the core is stopping
                    }
                    tick.yield()
                }
                tick.finish()
            }
            group.addTask { [due] in
                for await _ in due { tick.yield() }
            }
            for await _ in ticks {
                guard ContinuousClock.now >= nextAttempt else { continue }
                do {
                    try await commit(timeout: Self.commitTimeout)
                    failures = 0
                } catch let error as KafkaError {
                    if Task.isCancelled { break }  // the core is stopping; its final commit follows
                    failures += 1
                    let wait = settings.backoff(attempt: failures)
                    nextAttempt = .now + wait
                    logger.warning("commit failed, retrying in \(wait): \(error)")
                }
            }
            group.cancelAll()
        }
    }

    /// Commits what is ready on `partitions` (all when nil). Membership errors
    /// drop this commit and return; transient errors are thrown for the
    /// caller to retry; fatal ones also fail the core.
    func commit(_ partitions: Set<KafkaTopicPartition>? = nil, timeout: Duration) async throws {
        let candidates = table.commitCandidates(partitions)
        guard !candidates.isEmpty else { return }
        do {
            try await consumer.commit(candidates.map(\.offset), timeout: timeout)
            table.committed(candidates)
        } catch {
            counters.commitRefused()
            switch error.kind {
            case .membershipLost:
                let partitions = candidates.map(\.offset.topicPartition)
                logger.warning("commit of \(partitions) refused for an old group generation (\(error)); the group rejoins, a revocation drops what was lost")
            case .fatal:
                table.fail(.fatal(error))
                throw WorkerError.fatal(error)
            case .transient, .recordRejected:
                throw error
            }
        }
    }

    /// Commits `partitions` for a revoke or shutdown, retrying transient
    /// errors until `deadline`; gives up quietly after that, or once the task
    /// is cancelled (the uncommitted messages are read again by the next
    /// owner: duplicates, not loss). One attempt waits for the coordinator
    /// no longer than the deadline.
    func commitBefore(_ deadline: ContinuousClock.Instant, _ partitions: Set<KafkaTopicPartition>? = nil) async throws {
        var attempt = 0
        while true {
            do {
                try await commit(partitions, timeout: max(.milliseconds(1), deadline - .now))
                return
            } catch let failure as KafkaError {
                attempt += 1
                let wait = settings.backoff(attempt: attempt)
                guard ContinuousClock.now + wait < deadline, !Task.isCancelled else {
                    logger.warning("final commit failed (\(failure)); the next owner reads those messages again")
                    return
                }
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    logger.warning("final commit cancelled after it failed (\(failure)); the next owner reads those messages again")
                    return
                }
            }
        }
    }

    /// How long a periodic commit waits for the coordinator before it counts
    /// as failed and is retried with backoff.
    static let commitTimeout = Duration.seconds(30)
}
