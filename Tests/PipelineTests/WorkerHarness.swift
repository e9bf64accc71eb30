import Foundation
import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import Testing
import TestSupport

/// Runs an `ArticleWorker` in-process on an embedded cluster for the worker
/// tests, and reads back what it wrote: which input positions got a
/// normalised record or a dead letter, and in what order.
enum WorkerHarness {
    /// Small synthetic articles, fast to process, numbered so their outputs can be told apart.
    static func articles(topic: String, count: Int, partitions: Int, from start: Int = 0) -> [KafkaProducerMessage] {
        (start..<(start + count)).map { index in
            let body = "Council approves budget \(index)\n\nThe city council approved budget number \(index) on Monday after a debate about roads and schools.\n"
            return KafkaProducerMessage(
                topic: topic, partition: Int32(index % partitions), key: Array("a\(index)".utf8), value: Array(body.utf8),
                headers: [KafkaHeader(key: "content-type", string: "text/plain")]
            )
        }
    }

    /// Runs `worker` until `done` returns true (polled every 100 ms) or
    /// `timeout` passes, then shuts it down gracefully; returns what `run()` threw.
    static func run(
        _ worker: ArticleWorker, logger: Logger, timeout: Duration = .seconds(90), until done: @escaping @Sendable () async throws -> Bool
    ) async throws {
        let group = ServiceGroup(services: [worker], logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            tasks.addTask {
                do {
                    try await eventually("the worker to finish its inputs", within: timeout, done)
                } catch {
                    await group.triggerGracefulShutdown()
                    throw error
                }
                await group.triggerGracefulShutdown()
            }
            try await tasks.waitForAll()
        }
    }

    /// True once the group's committed offset is at the end of every partition of `topic`.
    static func committedToEnd(group: String, topic: String, cluster: EmbeddedCluster, logger: Logger) async throws -> Bool {
        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers, logger: logger)
        do {
            let offsets = try await admin.groupOffsets(group: group, topics: [topic])
            await admin.close()
            return offsets.allSatisfy { $0.committed == $0.high }
        } catch {
            await admin.close()
            throw error
        }
    }

    /// Reads `topics` from the beginning until `enough` holds for what was read, or `timeout`.
    static func read(
        _ topics: [String], bootstrapServers: String, logger: Logger, timeout: Duration = .seconds(60),
        until enough: @escaping @Sendable ([KafkaMessage]) -> Bool
    ) async throws -> [KafkaMessage] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: "reader-\(UUID().uuidString)")
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: topics)
        do {
            let messages = try await withDeadline("output records on \(topics)", within: timeout) {
                var messages: [KafkaMessage] = []
                for try await event in consumer.events {
                    if case .messages(let batch) = event { messages += batch }
                    if enough(messages) { break }
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

    /// The input position (`topic/partition/offset`) an output names.
    static func source(of message: KafkaMessage) -> String? {
        message.header(HeaderName.source)?.stringValue
    }

    /// The input position (`topic/partition/offset`) of each message, numbered
    /// in sending order per partition, as the worker's outputs will name them.
    static func sources(of messages: [KafkaProducerMessage], topic: String) -> Set<String> {
        var next = [Int32: Int](), result = Set<String>()
        for message in messages {
            let partition = message.partition ?? 0
            result.insert("\(topic)/\(partition)/\(next[partition, default: 0])")
            next[partition, default: 0] += 1
        }
        return result
    }
}
