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
    /// Producer only: receives the report of every message sent with a ticket
    /// (`KafkaProducer.enqueue(_:ticket:)`), on the delivery thread.
    let deliveryHandler: KafkaProducer.DeliveryHandler?

    init(logger: Logger, events: ConsumerEventBuffer?, deliveryHandler: KafkaProducer.DeliveryHandler? = nil) {
        self.logger = logger
        self.events = events
        self.deliveryHandler = deliveryHandler
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
