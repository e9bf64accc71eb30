/// The consumer's events as an `AsyncSequence`; iterate it from one task.
///
/// It ends (returns `nil`) after `KafkaConsumer.close()`, or when the iterating
/// task is cancelled, and throws a `KafkaError` when the client hits a fatal error.
public struct KafkaConsumerEvents: AsyncSequence, Sendable {
    public typealias Element = KafkaConsumerEvent

    let buffer: ConsumerEventBuffer

    /// Asking it for the next event also completes the handling of a
    /// revocation it returned before (see `KafkaConsumerEvent`).
    public struct AsyncIterator: AsyncIteratorProtocol {
        let buffer: ConsumerEventBuffer

        public mutating func next() async throws -> KafkaConsumerEvent? {
            try await buffer.next()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(buffer: buffer)
    }
}
