import Kafka

/// Creates topics on the real broker and fills them, for the RealBroker suites.
public enum TestTopics {
    public static func create(_ name: String, partitions: Int) async throws {
        let admin = try KafkaAdmin(bootstrapServers: TestBroker.bootstrap, logger: TestBroker.logger)
        try await admin.createTopic(KafkaNewTopic(name: name, partitions: partitions))
        await admin.close()
    }

    public static func producer(_ configure: (inout KafkaProducerConfiguration) -> Void = { _ in }) throws -> KafkaProducer {
        var configuration = KafkaProducerConfiguration(bootstrapServers: TestBroker.bootstrap)
        configure(&configuration)
        return try KafkaProducer(configuration: configuration, logger: TestBroker.logger)
    }

    public static func consumer(group: String = TestNames.group(), _ configure: (inout KafkaConsumerConfiguration) -> Void = { _ in }) throws
        -> KafkaConsumer
    {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: TestBroker.bootstrap, groupID: group)
        configuration.sessionTimeout = .seconds(6)
        configure(&configuration)
        return try KafkaConsumer(configuration: configuration, logger: TestBroker.logger)
    }

    /// `count` messages per partition, values "p<partition>-<index>".
    public static func fill(_ topic: String, partitions: Int, count: Int, producer: KafkaProducer) async throws {
        var messages: [KafkaProducerMessage] = []
        for partition in 0..<partitions {
            for index in 0..<count {
                messages.append(KafkaProducerMessage(topic: topic, partition: Int32(partition), key: "k\(index)", value: "p\(partition)-\(index)"))
            }
        }
        try await producer.send(messages).delivered()
    }

    /// Sends messages one at a time, each awaited, so every record is its own
    /// batch (Tansu reports a wrong high watermark for multi-record batches).
    public static func fillOneByOne(_ topic: String, partition: Int32, count: Int, producer: KafkaProducer) async throws {
        for index in 0..<count {
            _ = try await producer.send(KafkaProducerMessage(topic: topic, partition: partition, key: nil, value: "m\(index)"))
        }
    }
}
