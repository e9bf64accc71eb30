import Foundation
import Kafka
import Logging

/// Produces or consumes N messages of a given size through the Kafka layer
/// and prints one line `ours <mode> <messages> <seconds> <msgs/s>`.
/// `Benchmarks/kafka-throughput.sh` runs it next to kcat on the same broker.
///
///   kafka-throughput produce --brokers B --topic T [--messages N] [--size BYTES] [--property KEY=VALUE]...
///   kafka-throughput consume --brokers B --topic T [--messages N]
///   kafka-throughput create  --brokers B --topic T [--partitions P]
///   kafka-throughput embedded [--messages N] [--size BYTES]   (round trip on an
///     in-process mock cluster: a short, self-contained run)
@main
struct KafkaThroughput {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let mode = arguments.first else {
            fail("usage: kafka-throughput produce|consume|create --brokers B --topic T [--messages N] [--size BYTES] [--partitions P]")
        }
        var options: [String: String] = [:]
        var properties: [String: String] = [:]
        var index = 1
        while index + 1 < arguments.count {
            if arguments[index] == "--property", let equals = arguments[index + 1].firstIndex(of: "=") {
                let pair = arguments[index + 1]
                properties[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            } else {
                options[arguments[index]] = arguments[index + 1]
            }
            index += 2
        }
        let messages = Int(options["--messages"] ?? "1000000") ?? 1_000_000
        let size = Int(options["--size"] ?? "2048") ?? 2048
        var logger = Logger(label: "kafka-throughput")
        // `KAFKA_THROUGHPUT_LOG=debug` with `--property debug=...` shows librdkafka's own log.
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_THROUGHPUT_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .error
        if mode == "embedded" {
            try await embeddedRoundTrip(count: messages, size: size, logger: logger)
            return
        }
        guard let brokers = options["--brokers"], let topic = options["--topic"] else { fail("--brokers and --topic are required") }

        let start = ContinuousClock.now
        switch mode {
        case "create":
            let admin = try KafkaAdmin(bootstrapServers: brokers, logger: logger)
            try await admin.createTopic(KafkaNewTopic(name: topic, partitions: Int(options["--partitions"] ?? "4") ?? 4), ignoreExisting: true)
            await admin.close()
            return
        case "produce":
            try await produce(brokers: brokers, topic: topic, count: messages, size: size, properties: properties, logger: logger)
        case "consume":
            try await consume(brokers: brokers, topic: topic, count: messages, properties: properties, logger: logger)
        default:
            fail("unknown mode \(mode)")
        }
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("ours \(mode) \(messages) \(String(format: "%.3f", seconds)) \(Int(Double(messages) / seconds))")
    }

    static func produce(brokers: String, topic: String, count: Int, size: Int, properties: [String: String], logger: Logger) async throws {
        trace("start")
        var configuration = KafkaProducerConfiguration(bootstrapServers: brokers)
        configuration.properties = properties
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        trace("producer created")
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let batchSize = 1000
        var pending: [KafkaDeliveries] = []
        var failed = 0
        var sent = 0
        while sent < count {
            let batch = (sent..<min(count, sent + batchSize)).map { _ in KafkaProducerMessage(topic: topic, value: payload) }
            pending.append(try await producer.send(batch))
            sent += batch.count
            if pending.count > 64 {
                failed += await pending.removeFirst().reports().filter { !$0.isDelivered }.count
            }
        }
        trace("all enqueued")
        for deliveries in pending {
            failed += await deliveries.reports().filter { !$0.isDelivered }.count
        }
        trace("all delivered")
        await producer.close()
        trace("closed")
        if failed > 0 { fail("\(failed) of \(count) messages were not delivered") }
    }

    static func consume(brokers: String, topic: String, count: Int, properties: [String: String], logger: Logger) async throws {
        // Like `kcat -C`: one client looks the topic up and reads its
        // partitions directly from the beginning; no group join, no commit.
        trace("start")
        var configuration = KafkaConsumerConfiguration(bootstrapServers: brokers, groupID: "kafka-throughput")
        configuration.maxBatchSize = 5000
        configuration.properties = properties
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        let metadata = try await consumer.describeTopic(topic)
        trace("described")
        try await consumer.assign(metadata.partitions.map { KafkaPartitionOffset(topic: topic, partition: $0.id, offset: .beginning) })
        trace("assigned")
        var received = 0
        var bytes = 0
        for try await event in consumer.events {
            if case .messages(let batch) = event {
                if received == 0 { trace("first batch") }
                received += batch.count
                for message in batch { bytes &+= message.value.count }
                if received >= count { break }
            }
        }
        trace("all received")
        await consumer.close()
        trace("closed")
        if received < count { fail("received only \(received) of \(count) messages") }
    }

    /// Produces `count` messages to an embedded cluster, consumes them in a
    /// group with explicit commits, and shuts everything down.
    static func embeddedRoundTrip(count: Int, size: Int, logger: Logger) async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        try cluster.createTopic("roundtrip", partitions: 2)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: logger)
        let payload = [UInt8](repeating: UInt8(ascii: "x"), count: size)
        let messages = (0..<count).map {
            KafkaProducerMessage(topic: "roundtrip", key: Array("k\($0)".utf8), value: payload, headers: [KafkaHeader(key: "n", string: "\($0)")])
        }
        try await producer.send(messages).delivered()
        await producer.close()
        var configuration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: "roundtrip")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: ["roundtrip"])
        var received = 0
        for try await event in consumer.events {
            if case .messages(let batch) = event {
                received += batch.count
                try await consumer.commit(batch.map(\.commitOffset))
                if received >= count { break }
            }
        }
        await consumer.close()
        print("embedded round trip: \(count) produced, \(received) consumed")
    }

    /// With `KAFKA_THROUGHPUT_TRACE=1`, prints phase times to stderr.
    static let traceStart = ContinuousClock.now
    static func trace(_ phase: String) {
        guard ProcessInfo.processInfo.environment["KAFKA_THROUGHPUT_TRACE"] == "1" else { return }
        FileHandle.standardError.write(Data("\(ContinuousClock.now - traceStart) \(phase)\n".utf8))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("kafka-throughput: \(message)\n".utf8))
        exit(1)
    }
}
