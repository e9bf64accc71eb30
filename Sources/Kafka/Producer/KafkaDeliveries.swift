/// The pending delivery reports of a batch that has been handed to librdkafka.
///
/// `KafkaProducer.send(_:)` returns once every message is *enqueued* (awaiting
/// queue space if needed); await `reports()` or `delivered()` to learn what the
/// broker did. Keeping several of these in flight pipelines production.
public struct KafkaDeliveries: Sendable {
    let tracker: DeliveryTracker

    /// How many messages the batch had.
    public var count: Int { tracker.count }

    /// True once every message has its report (delivered or failed).
    public var isComplete: Bool { tracker.isComplete }

    /// One report per message, in the order of the batch.
    public func reports() async -> [KafkaDeliveryReport] {
        await tracker.reports()
    }

    /// Returns the reports when every message was delivered, else throws the
    /// first failure.
    @discardableResult
    public func delivered() async throws(KafkaError) -> [KafkaDeliveryReport] {
        let reports = await tracker.reports()
        if let failure = reports.first(where: { $0.error != nil })?.error { throw failure }
        return reports
    }
}
