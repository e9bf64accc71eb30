import Logging

/// Cluster administration: create topics, read metadata (brokers, topics,
/// partition leaders), a group's committed offsets and lag, and a bounded
/// reachability check for the command line.
public final class KafkaAdmin: Sendable {
    let client: RDKafkaClient
    let bootstrapServers: String
    let properties: [String: String]
    let logger: Logger
    private let pollThread: PollThread

    /// `properties` are raw librdkafka settings added to `bootstrap.servers`.
    public init(bootstrapServers: String, properties: [String: String] = [:], logger: Logger = Logger(label: "newswire.kafka.admin"))
        throws(KafkaError)
    {
        var all = properties
        all["bootstrap.servers"] = bootstrapServers
        let context = RDKafkaClientContext(logger: logger, events: nil)
        let client = try RDKafkaClient(kind: .producer, properties: all, context: context)
        self.client = client
        self.bootstrapServers = bootstrapServers
        self.properties = properties
        self.logger = logger
        self.pollThread = PollThread(name: "kafka-admin") { thread in
            client.runProducerLoop(thread)
        }
    }

    deinit {
        pollThread.requestStop()
        client.wakePollThread()
    }

    /// Creates topics; throws the first failure (an existing topic counts as
    /// a failure unless `ignoreExisting`).
    public func createTopics(_ topics: [KafkaNewTopic], ignoreExisting: Bool = false, timeout: Duration = .seconds(30)) async throws(KafkaError) {
        let client = client
        let failures = try await BlockingCall.run { client.createTopics(topics, timeout: timeout) }.get()
        for topic in topics {
            guard let failure = failures[topic.name] else { continue }
            if ignoreExisting && failure.code == .topicAlreadyExists { continue }
            throw failure
        }
    }

    /// Creates one topic.
    public func createTopic(_ topic: KafkaNewTopic, ignoreExisting: Bool = false, timeout: Duration = .seconds(30)) async throws(KafkaError) {
        try await createTopics([topic], ignoreExisting: ignoreExisting, timeout: timeout)
    }

    /// Brokers and all topics.
    public func metadata(timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaClusterMetadata {
        let client = client
        return try await BlockingCall.run { client.metadata(timeout: timeout) }.get()
    }

    /// One topic's partitions and leaders; throws when the cluster does not have it.
    public func describeTopic(_ name: String, timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaTopicMetadata {
        try await metadata(timeout: timeout).existingTopic(name)
    }

    /// For every partition of `topics`: the group's committed offset, the
    /// watermarks and the lag. Reads offsets without joining the group.
    public func groupOffsets(group: String, topics: [String], timeout: Duration = .seconds(10)) async throws(KafkaError)
        -> [KafkaGroupPartitionOffsets]
    {
        let metadata = try await metadata(timeout: timeout)
        var partitions: [KafkaTopicPartition] = []
        for name in topics {
            guard let topic = metadata.topic(name), !topic.partitions.isEmpty else {
                throw KafkaError(code: .unknownTopicOrPartition, name: "UNKNOWN_TOPIC_OR_PART", message: "the cluster has no topic '\(name)'")
            }
            partitions += topic.partitions.map { KafkaTopicPartition(topic: name, partition: $0.id) }
        }
        var settings = properties
        settings["bootstrap.servers"] = bootstrapServers
        settings["group.id"] = group
        settings["enable.auto.commit"] = "false"
        let reader = try RDKafkaClient(kind: .consumer, properties: settings, context: RDKafkaClientContext(logger: logger, events: nil))
        let watermarkClient = client
        let wanted = partitions
        return try await BlockingCall.run { () -> Result<[KafkaGroupPartitionOffsets], KafkaError> in
            Result { () throws(KafkaError) in
                let committed = try reader.committed(wanted, timeout: timeout).get()
                return try committed.map { entry throws(KafkaError) in
                    let marks = try watermarkClient.watermarks(entry.topicPartition, timeout: timeout).get()
                    return KafkaGroupPartitionOffsets(
                        topicPartition: entry.topicPartition,
                        committed: entry.offset.isConcrete ? entry.offset.rawValue : nil,
                        low: marks.low,
                        high: marks.high
                    )
                }
            }
        }.get()
    }

    /// Stops the admin client's background thread.
    public func close() async {
        pollThread.requestStop()
        client.wakePollThread()
        await pollThread.join()
    }

    /// Validates `brokers` and asks the cluster for its metadata within
    /// `timeout`; throws one clear sentence when the value is malformed or no
    /// broker answers. Never waits longer than `timeout` (plus client start-up).
    /// `properties` are the same raw librdkafka settings the real clients
    /// get (TLS, SASL…), so the check speaks to the cluster the way they will.
    public static func checkBrokers(
        _ brokers: String,
        properties: [String: String] = [:],
        timeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "newswire.kafka.admin")
    ) async throws(KafkaError) -> KafkaClusterMetadata {
        let list = try KafkaBrokerList(parsing: brokers)
        let milliseconds = "\(max(1, RDKafkaClient.milliseconds(timeout)))"
        var settings = properties
        settings["socket.timeout.ms"] = milliseconds
        settings["socket.connection.setup.timeout.ms"] = milliseconds
        let admin = try KafkaAdmin(bootstrapServers: list.description, properties: settings, logger: logger)
        do {
            let metadata = try await admin.metadata(timeout: timeout)
            await admin.close()
            return metadata
        } catch {
            await admin.close()
            var unreachable = error
            unreachable.message = "no Kafka broker answered at \(list) within \(timeout) (\(error.message))"
            throw unreachable
        }
    }
}
