import Foundation
import Kafka
import Logging
import Pipeline

/// Reads the demo's output topics back from the cluster and prints one line
/// per enriched article and per dead letter, so the user sees what the worker
/// wrote, not what it meant to write.
enum DemoSummary {
    static func outputTopics(_ topics: OutputTopics, enrichedVersion: SchemaVersion) throws -> [String] {
        [
            try topics.topic(for: .normalised, major: 1), try topics.topic(for: .parsed, major: 1),
            try topics.topic(for: .enriched, version: enrichedVersion), topics.deadLetter,
        ]
    }

    static func print(
        bootstrapServers: String, topics: OutputTopics, enrichedVersion: SchemaVersion, expectedArticles: Int,
        expectedDeadLetters: Int, properties: [String: String] = [:], logger: Logger
    ) async throws {
        let enrichedTopic = try topics.topic(for: .enriched, version: enrichedVersion)
        let records = try await read(enrichedTopic, count: expectedArticles, bootstrapServers: bootstrapServers, properties: properties, logger: logger)
        StandardStreams.writeLine("\n\(enrichedTopic): \(records.count) record(s)")
        for message in records {
            StandardStreams.writeLine("  " + describeRecord(message.value))
        }
        let letters = try await read(topics.deadLetter, count: expectedDeadLetters, bootstrapServers: bootstrapServers, properties: properties, logger: logger)
        StandardStreams.writeLine("\n\(topics.deadLetter): \(letters.count) dead letter(s)")
        for message in letters {
            let file = message.key.flatMap { String(validating: $0, as: UTF8.self) } ?? "?"
            let code = message.header(HeaderName.deadLetterCode)?.stringValue ?? "?"
            let reason = message.header(HeaderName.deadLetterReason)?.stringValue ?? "?"
            StandardStreams.writeLine("  \(file): \(code): \(reason)")
        }
        StandardStreams.writeLine("\nTry, in the project's checkout: newswire process Examples/ar-two-articles.txt | head -c 2000")
    }

    private static func describeRecord(_ value: [UInt8]) -> String {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(value))
        } catch {
            return "(unreadable record of \(value.count) bytes: \(error.localizedDescription))"
        }
        guard let object = parsed as? [String: Any] else { return "(not a JSON object: \(value.count) bytes)" }
        func field(_ name: String) -> String { (object[name] as? String) ?? "null" }
        let entities = (object["entities"] as? [Any])?.count ?? 0
        let child = object["parentId"] is String ? " (appended to \(field("parentId").prefix(8)))" : ""
        return "[\(field("language"))] \(field("title")) | published \(field("publishedAt")) | agency \(field("agency")) | \(entities) entities\(child)"
    }

    /// Reads `count` messages from the start of every partition of `topic`,
    /// giving up after `deadline` with what it has.
    private static func read(
        _ topic: String, count: Int, bootstrapServers: String, properties: [String: String], logger: Logger,
        deadline: Duration = .seconds(20)
    ) async throws -> [KafkaMessage] {
        guard count > 0 else { return [] }
        return try await withThrowingTaskGroup(of: [KafkaMessage]?.self) { group in
            group.addTask { try await readAll(topic, count: count, bootstrapServers: bootstrapServers, properties: properties, logger: logger) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            guard let messages = first else {
                throw CommandFailure("fewer than \(count) record(s) arrived on \(topic) within \(deadline)")
            }
            return messages
        }
    }

    private static func readAll(
        _ topic: String, count: Int, bootstrapServers: String, properties: [String: String], logger: Logger
    ) async throws -> [KafkaMessage] {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: "newswire-demo-reader-\(UUID().uuidString)")
        configuration.properties = properties
        configuration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: [topic])
        var messages: [KafkaMessage] = []
        do {
            for try await event in consumer.events {
                if case .messages(let batch) = event { messages += batch }
                if messages.count >= count { break }
            }
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
        return messages.sorted { ($0.partition, $0.offset.rawValue) < ($1.partition, $1.offset.rawValue) }
    }
}
