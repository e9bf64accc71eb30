import Foundation
import Kafka
import Logging
import TestSupport

/// The broker a replay scenario runs on: Tansu (`NEWSWIRE_TEST_BROKERS`, on
/// librdkafka 2.16 in `Scripts/test.sh`'s third part) or an embedded mock
/// cluster started by the test (whose address the `newswire` child process
/// reaches like any broker's). Both answer offsets-for-times wrongly, so
/// every time bound goes through the check and the search.
struct ReplayBroker: Sendable {
    let name: String
    let bootstrap: String
    /// Keeps an embedded cluster alive as long as the broker value.
    private let cluster: EmbeddedCluster?

    static var tansu: ReplayBroker? {
        TestBroker.address.map { ReplayBroker(name: "Tansu", bootstrap: $0, cluster: nil) }
    }

    static func embedded() throws -> ReplayBroker {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestLogger.quiet)
        return ReplayBroker(name: "mock cluster", bootstrap: cluster.bootstrapServers, cluster: cluster)
    }

    func createTopic(_ name: String, partitions: Int) async throws {
        if let cluster {
            try cluster.createTopic(name, partitions: partitions)
        } else {
            let admin = try KafkaAdmin(bootstrapServers: bootstrap, logger: TestLogger.quiet)
            do {
                try await admin.createTopic(KafkaNewTopic(name: name, partitions: partitions))
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
        }
    }

    /// Topic names no other test uses: `<stem>.raw` and the prefix for outputs.
    static func names() -> (prefix: String, input: String) {
        let prefix = "rp\(UUID().uuidString.prefix(8).lowercased())"
        return (prefix, "\(prefix).raw")
    }

    /// `perPartition` small articles on each partition; article `i` of a
    /// partition is stamped `base + i × step`.
    func produceArticles(
        _ topic: String, partitions: Int, perPartition: Int, from first: Int = 0, base: Date = Date(timeIntervalSince1970: 1_767_225_600),
        step: Duration = .seconds(180)
    ) async throws {
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: bootstrap), logger: TestLogger.quiet)
        var messages: [KafkaProducerMessage] = []
        let stepMilliseconds = step.components.seconds * 1000
        for partition in 0..<partitions {
            for index in first..<(first + perPartition) {
                let body = "Council approves budget \(partition)-\(index)\n\nThe city council approved budget number \(index) of district \(partition) on Monday after a debate about roads and schools.\n"
                messages.append(KafkaProducerMessage(
                    topic: topic, partition: Int32(partition), key: Array("a\(partition)-\(index)".utf8), value: Array(body.utf8),
                    headers: [KafkaHeader(key: "content-type", string: "text/plain")],
                    timestampMilliseconds: Int64(base.timeIntervalSince1970 * 1000) + Int64(index) * stepMilliseconds
                ))
            }
        }
        do {
            try await producer.send(messages).delivered()
        } catch {
            await producer.close()
            throw error
        }
        await producer.close()
    }

    /// Every record of `topic` now: reads each partition to its end
    /// (within `timeout`); none when the topic does not exist.
    func readAll(_ topic: String, timeout: Duration = .seconds(60)) async throws -> [KafkaMessage] {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap, logger: TestLogger.quiet)
        let metadata: KafkaClusterMetadata
        do {
            metadata = try await admin.metadata()
        } catch {
            await admin.close()
            throw error
        }
        await admin.close()
        guard let described = metadata.topic(topic), !described.partitions.isEmpty else { return [] }
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrap, groupID: "reader-\(UUID().uuidString)")
        configuration.enablePartitionEOF = true
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestLogger.quiet)
        let partitions = described.partitions.map(\.id)
        do {
            try await consumer.assign(partitions.map { KafkaPartitionOffset(topic: topic, partition: $0, offset: .beginning) })
            let messages = try await withDeadline("every record of \(topic)", within: timeout) {
                var messages: [KafkaMessage] = []
                var ended: Set<Int32> = []
                for try await event in consumer.events {
                    switch event {
                    case .messages(let batch): messages += batch
                    case .partitionEOF(let position): ended.insert(position.partition)
                    default: break
                    }
                    if ended.count == partitions.count { break }
                }
                return messages
            }
            await consumer.close()
            return messages
        } catch {
            await consumer.close()
            throw error
        }
    }

    /// The group's committed offsets on `topic`, by partition.
    func committed(group: String, topic: String) async throws -> [Int32: Int64] {
        let admin = try KafkaAdmin(bootstrapServers: bootstrap, logger: TestLogger.quiet)
        do {
            let offsets = try await admin.groupOffsets(group: group, topics: [topic])
            await admin.close()
            return Dictionary(uniqueKeysWithValues: offsets.compactMap { entry in entry.committed.map { (entry.topicPartition.partition, $0) } })
        } catch {
            await admin.close()
            throw error
        }
    }

    /// Commits `offsets` (partition → offset) for `group` from outside it, as a live consumer group would have.
    func commit(group: String, topic: String, offsets: [Int32: Int64]) async throws {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrap, groupID: group)
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: TestLogger.quiet)
        do {
            try await consumer.commit(offsets.map { KafkaPartitionOffset(topic: topic, partition: $0.key, offset: KafkaOffset($0.value)) })
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }
}
