import Foundation
import Kafka
import Logging
import Pipeline
import ServiceLifecycle
import Testing
import TestSupport

/// The worker end to end on the embedded (mock) cluster: every input ends as
/// output records or a dead letter, offsets are committed, and a replay in a
/// new group writes byte-identical records under the same keys.
@Suite(.timeLimit(.minutes(5))) struct ArticleWorkerTests {
    let logger = quietLogger("test.worker")

    @Test func everyInputBecomesRecordsOrADeadLetterAndIsCommitted() async throws {
        let (cluster, prefix, input, inputs) = try await ExampleCluster.start(partitions: 2, logger: logger)
        let topics = OutputTopics(prefix: prefix)

        let version = RecordEncoding.latest(.enriched, major: 1)!
        let first = try await runWorker(cluster: cluster, group: "g1", input: input, topics: topics, version: version, until: inputs.count)
        #expect(first.consumed == inputs.count)
        #expect(first.deadLettered == 1)
        #expect(first.deadLettersByReason == ["normalise/invalid-utf8": 1])
        #expect(first.articles == 5, "four good inputs, one of them with an appended article")

        let enrichedTopic = try topics.topic(for: .enriched, version: version)
        let enriched = try await ExampleCluster.readAll(enrichedTopic, count: first.articles, cluster: cluster, logger: logger)
        #expect(enriched.count == first.articles)
        for message in enriched {
            #expect(message.header(HeaderName.schema)?.stringValue == "article.enriched")
            #expect(message.header(HeaderName.schemaVersion)?.stringValue == version.description)
            #expect(message.header(HeaderName.source)?.stringValue?.hasPrefix(input + "/") == true)
            #expect(message.key != nil)
        }

        let letters = try await ExampleCluster.readAll(topics.deadLetter, count: 1, cluster: cluster, logger: logger)
        let letter = try #require(letters.first)
        #expect(letter.value == inputs.first { $0.key == Array("bad.txt".utf8) }?.value)
        #expect(letter.header(HeaderName.deadLetterCode)?.stringValue == "invalid-utf8")
        #expect(letter.header(HeaderName.deadLetterReason)?.stringValue?.isEmpty == false)

        let admin = try KafkaAdmin(bootstrapServers: cluster.bootstrapServers, logger: logger)
        let offsets = try await admin.groupOffsets(group: "g1", topics: [input])
        await admin.close()
        #expect(offsets.reduce(0) { $0 + $1.lag } == 0)

        let replay = try await runWorker(cluster: cluster, group: "g2", input: input, topics: topics, version: version, until: inputs.count)
        #expect(replay.articles == first.articles)
        let both = try await ExampleCluster.readAll(enrichedTopic, count: 2 * first.articles, cluster: cluster, logger: logger)
        let byKey = Dictionary(grouping: both, by: { $0.key ?? [] })
        #expect(byKey.count == first.articles)
        for (_, copies) in byKey {
            #expect(copies.count == 2)
            #expect(copies.first?.value == copies.last?.value)
            #expect(copies.first?.partition == copies.last?.partition)
        }
    }

    private func runWorker(
        cluster: EmbeddedCluster, group: String, input: String, topics: OutputTopics, version: SchemaVersion, until count: Int
    ) async throws -> WorkerCounters.Totals {
        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: group, inputTopics: [input],
            processor: MessageProcessor(topics: topics, enrichedVersion: version)
        )
        configuration.sessionTimeout = .seconds(6)
        let worker = ArticleWorker(configuration: configuration, logger: logger)
        let serviceGroup = ServiceGroup(services: [worker], logger: logger)
        let what = "the worker in group \(group) to consume and commit \(count) messages"
        try await withDeadline("\(what) and stop", within: .seconds(150)) {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await serviceGroup.run() }
                // Polls the counters: `WorkerCounters.waitUntilConsumed` ignores
                // cancellation, so a deadline could not end it.
                do {
                    try await eventually(what, within: .seconds(120)) { worker.counters.current.consumed >= count }
                } catch {
                    tasks.cancelAll()
                    throw error
                }
                await serviceGroup.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
        return worker.counters.current
    }
}
