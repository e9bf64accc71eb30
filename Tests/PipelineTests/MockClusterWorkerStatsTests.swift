import Foundation
import Kafka
import Logging
@testable import Pipeline
import Testing
import TestSupport

/// `ArticleWorker.statsDocument()` from a worker that really ran, in-process
/// on the embedded cluster: its counts equal what the test sent, per stage
/// and in total; every stage and the end-to-end latency were measured; lag
/// ends at 0 with the committed offset at the end; and the document passes
/// the stats 2.0 schema in strict mode (exactly its fields).
@Suite(.timeLimit(.minutes(3))) struct MockClusterWorkerStatsTests {
    let logger = quietLogger("test.worker-stats")

    @Test func statsCountWhatTheWorkerWasSent() async throws {
        let good = 24
        let partitions = 3
        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        let topics = OutputTopics(prefix: "s\(UInt32.random(in: 0...UInt32.max))")
        let input = "\(topics.prefix).raw"
        try cluster.createTopic(input, partitions: partitions)
        var messages = WorkerHarness.articles(topic: input, count: good, partitions: partitions)
        let notUTF8: [UInt8] = [0x41, 0xE9, 0x74, 0xE9, 0x0A]
        messages.append(KafkaProducerMessage(topic: input, partition: 0, key: Array("bad-1".utf8), value: notUTF8))
        messages.append(KafkaProducerMessage(topic: input, partition: 1, key: Array("bad-2".utf8), value: notUTF8))
        messages.append(KafkaProducerMessage(topic: input, partition: 2, key: Array("tombstone".utf8), value: nil))
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await producer.send(messages).delivered()
        await producer.close()
        let total = messages.count

        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: "\(topics.prefix)-group", inputTopics: [input],
            processor: MessageProcessor(topics: topics, enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        )
        configuration.sessionTimeout = .seconds(6)
        configuration.statisticsInterval = .milliseconds(500)
        let worker = ArticleWorker(configuration: configuration, logger: logger)
        let before = try worker.statsDocument()
        #expect(before.health.ready.ok == false, "not ready before it runs")
        try await WorkerHarness.run(worker, logger: logger, timeout: .seconds(90)) {
            // Done once everything is committed and the statistics caught up with the end offsets.
            let document = try worker.statsDocument()
            return document.totals.committed == total && document.partitions.count == partitions
                && document.partitions.allSatisfy { $0.lag == 0 && $0.end != nil && !$0.paused }
                && !document.brokers.isEmpty
        }
        let document = try worker.statsDocument()

        #expect(document.totals.consumed == total)
        #expect(document.totals.committed == total)
        #expect(document.totals.deadLettered == 3)
        #expect(document.deadLetters.total == 3)
        #expect(document.deadLetters.byCode == ["invalid-utf8": 2, "empty-value": 1])
        #expect(document.deadLetters.byStage["normalise"] == 3)
        let stages = document.stages
        #expect(stages.normalise.in == total && stages.normalise.out == good && stages.normalise.failed == 3)
        #expect(stages.parse.in == good && stages.parse.out == good && stages.parse.failed == 0)
        #expect(stages.enrich.in == good && stages.enrich.out == good && stages.enrich.failed == 0)
        #expect(stages.publish.in == total && stages.publish.out == total && stages.publish.failed == 0)
        for (name, stage) in [("normalise", stages.normalise), ("parse", stages.parse), ("enrich", stages.enrich), ("publish", stages.publish)] {
            #expect(stage.inFlight == 0 && stage.dropped == 0, "\(name)")
            #expect(stage.latency.sinceStart.count == stage.out + stage.failed, "\(name): one duration per message")
            let minute = stage.latency.lastMinute
            #expect(minute.count == stage.latency.sinceStart.count, "\(name): all within the last minute")
            let p50 = try #require(minute.p50), p90 = try #require(minute.p90), p99 = try #require(minute.p99), max = try #require(minute.max)
            #expect(p50 <= p90 && p90 <= p99 && p99 <= max * 1.01, "\(name): \(minute)")
        }
        let endToEnd = document.endToEnd.latency.sinceStart
        #expect(endToEnd.count == good, "one end-to-end latency per input with articles")
        #expect((endToEnd.max ?? 0) > 0 && (endToEnd.max ?? .infinity) < 120)
        #expect(document.rebalances >= 1)
        // (Read after the graceful shutdown, which pauses every partition.)
        #expect(document.partitions.allSatisfy { $0.committed == $0.end && $0.inFlight == 0 })
        #expect(document.partitions.compactMap(\.committed).reduce(0, +) == Int64(total))
        #expect(document.throughput.messagesPerSecond > 0)
        #expect(document.producer.queuedMessages != nil)
        #expect(document.brokers.allSatisfy { $0.nodeId >= 0 && !$0.state.isEmpty })

        let line = try document.jsonBytes()
        let run = try await SchemaFixtures.validate([line], arguments: ["--strict", Repository.schemas.appendingPathComponent("stats/2.0.json").path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)\n\(String(decoding: line, as: UTF8.self))")
    }
}
