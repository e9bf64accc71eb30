import ArticleText
import Kafka
import Testing
import TestSupport
@testable import Pipeline

/// An input whose normalised record cannot fit under the producer's
/// message.max.bytes is dead-lettered as soon as normalise has run: the same
/// `publish`/`record-too-large` dead letter the publish check gives, without
/// paying for parse and enrich (a 2 MiB single line took 0.7 s of them).
@Suite(.timeLimit(.minutes(1))) struct MessageProcessorRecordLimitTests {
    let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
    let sentence = "The minister said the coastal road between the two cities would open in March. "

    private func message(_ text: String) -> KafkaMessage {
        KafkaMessage(topic: "in", partition: 0, offset: KafkaOffset(3), key: nil, value: Array(text.utf8))
    }

    @Test func anInputWhoseNormalisedRecordCannotFitSkipsParseAndEnrich() throws {
        let metrics = WorkerMetrics()
        let large = message("Coastal road\n\n" + String(repeating: sentence, count: 100))
        let processed = processor.process(large, meters: metrics, maxRecordBytes: 10_000)
        #expect(processed.outcome == .deadLettered(stage: .publish, code: "record-too-large"))
        let letter = try #require(processed.outputs.first)
        #expect(processed.outputs.count == 1 && letter.topic == "articles.dlq.v1")
        #expect(letter.value == large.value, "the input's bytes, unchanged")
        let reason = letter.headers.first { $0.key == HeaderName.deadLetterReason }?.value.map { String(decoding: $0, as: UTF8.self) }
        #expect(reason?.hasSuffix("more than the producer's message.max.bytes (10000); parse and enrich were not run") == true, "\(reason ?? "none")")
        let stages = metrics.snapshot().stages
        #expect(stages.normalise.in == 1 && stages.parse.in == 0 && stages.enrich.in == 0)
    }

    @Test func anInputThatMayFitRunsEveryStage() {
        let small = message("Coastal road\n\n" + String(repeating: sentence, count: 3))
        let processed = processor.process(small, meters: nil, maxRecordBytes: 10_000)
        #expect(processed.outcome == .articles(1))
        #expect(processed.outputs.map(\.topic) == ["articles.normalised.v1", "articles.parsed.v1", "articles.enriched.v1"])
    }

    @Test func withoutTheNormalisedRecordTheLaterCheckDecides() {
        let enrichOnly = MessageProcessor(enrichedVersion: SchemaVersion(major: 1, minor: 1), stages: [.enrich])
        let large = message("Coastal road\n\n" + String(repeating: sentence, count: 100))
        let processed = enrichOnly.process(large, meters: nil, maxRecordBytes: 10_000)
        #expect(processed.outcome == .articles(1), "no normalised record is written, so normalise's size says nothing")
    }
}
