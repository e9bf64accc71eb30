import Logging

/// An in-process Kafka cluster (librdkafka's mock cluster): real brokers on
/// 127.0.0.1 ports that any Kafka client (kcat included) can use, so the
/// worker and the demo run on a bare machine, and tests can inject faults.
///
/// Limits (librdkafka 2.0.2): no CreateTopics handler (use `createTopic`;
/// auto-created topics get 4 partitions), only the last ~5 MiB of each
/// partition is kept, offsets-for-times returns nothing, transactions are
/// accepted but not enforced.
public final class EmbeddedCluster: Sendable {
    private let cluster: RDKafkaMockCluster

    /// Starts `brokers` brokers (ids 1…brokers).
    public init(brokers: Int = 3, logger: Logger = Logger(label: "newswire.kafka.embedded")) throws(KafkaError) {
        guard brokers >= 1 else { throw .invalidArgument("an embedded cluster needs at least one broker, not \(brokers)") }
        let client = try RDKafkaClient(kind: .producer, properties: [:], context: RDKafkaClientContext(logger: logger, events: nil))
        cluster = try RDKafkaMockCluster(client: client, brokers: brokers)
    }

    deinit {
        cluster.destroy()
    }

    /// The `bootstrap.servers` value for clients: `127.0.0.1:PORT,…`.
    public var bootstrapServers: String { cluster.bootstrapServers }

    /// Creates a topic (the mock cluster has no CreateTopics request handler).
    public func createTopic(_ name: String, partitions: Int, replicationFactor: Int = 1) throws(KafkaError) {
        if let failure = cluster.createTopic(name, partitions: partitions, replicationFactor: replicationFactor) { throw failure }
    }

    /// Takes a broker down: its connections close and it refuses new ones.
    public func setBrokerDown(_ broker: Int32) throws(KafkaError) {
        if let failure = cluster.setBrokerDown(broker) { throw failure }
    }

    /// Brings a broker back up.
    public func setBrokerUp(_ broker: Int32) throws(KafkaError) {
        if let failure = cluster.setBrokerUp(broker) { throw failure }
    }

    /// Delays every response of a broker by `milliseconds`.
    public func setRoundTripTime(broker: Int32, milliseconds: Int) throws(KafkaError) {
        if let failure = cluster.setRoundTripTime(broker: broker, milliseconds: milliseconds) { throw failure }
    }

    /// Moves a partition's leadership to `broker`.
    public func setPartitionLeader(topic: String, partition: Int32, broker: Int32) throws(KafkaError) {
        if let failure = cluster.setPartitionLeader(topic: topic, partition: partition, broker: broker) { throw failure }
    }

    /// Makes `broker` the coordinator of `group`.
    public func setGroupCoordinator(group: String, broker: Int32) throws(KafkaError) {
        if let failure = cluster.setCoordinator(group: group, broker: broker) { throw failure }
    }

    /// The next requests of `apiKey` fail with `errors`, one per request, in order.
    public func pushRequestErrors(_ apiKey: KafkaAPIKey, _ errors: [KafkaErrorCode]) {
        cluster.pushRequestErrors(apiKey: apiKey.rawValue, errors: errors)
    }

    /// Every request about `topic` fails with `error` until cleared with `.noError`.
    public func setTopicError(_ topic: String, _ error: KafkaErrorCode) {
        cluster.setTopicError(topic, error: error)
    }

    /// Keeps the cluster running until the calling task is cancelled.
    public func run() async {
        let (stream, continuation) = AsyncStream.makeStream(of: Never.self)
        await withTaskCancellationHandler {
            for await _ in stream {}
        } onCancel: {
            continuation.finish()
        }
    }
}
