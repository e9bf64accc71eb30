import Logging
import Synchronization

/// The Swift state librdkafka's C callbacks reach through the client's opaque
/// pointer: logger, statistics stream, consumer event buffer, delivery progress.
///
/// `RDKafkaClient` owns it and keeps it alive until `rd_kafka_destroy` has
/// returned, so no callback can see it freed.
final class RDKafkaClientContext: Sendable {
    let logger: Logger
    let statistics: AsyncStream<KafkaStatistics>
    let statisticsContinuation: AsyncStream<KafkaStatistics>.Continuation
    /// Consumer only: where messages, rebalances and errors go.
    let events: ConsumerEventBuffer?
    /// Producer only: advanced when delivery reports have been served.
    let progress = ProgressSignal()
    /// Consumer only: the batch the poll thread is filling, flushed before any
    /// rebalance event so message order against revocations is kept.
    let pendingMessages = Mutex<[KafkaMessage]>([])
    /// Set once librdkafka raises a fatal error.
    let fatalError = Mutex<KafkaError?>(nil)

    init(logger: Logger, events: ConsumerEventBuffer?) {
        self.logger = logger
        self.events = events
        (statistics, statisticsContinuation) = AsyncStream.makeStream(of: KafkaStatistics.self, bufferingPolicy: .bufferingNewest(8))
    }

    /// Hands the pending batch to the application, if any.
    func flushPendingMessages() {
        let batch = pendingMessages.withLock { pending -> [KafkaMessage] in
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            return batch
        }
        if !batch.isEmpty { events?.push(.messages(batch)) }
    }
}
