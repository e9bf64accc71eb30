import ArticleText
import Kafka
import Pipeline
import Testing
import TestSupport

/// A processor asked for some stages writes only their records; an input a
/// stage rejects is still a dead letter.
@Suite(.timeLimit(.minutes(1))) struct MessageProcessorStagesTests {
    let version = RecordEncoding.latest(.enriched, major: 1)!
    let story = KafkaMessage(
        topic: "in", partition: 0, offset: KafkaOffset(7), key: nil,
        value: Array("Council approves budget\n\nThe city council approved the budget on Monday after a long debate about roads.\n".utf8),
        headers: [KafkaHeader(key: "content-type", string: "text/plain")]
    )

    @Test func allStagesByDefault() throws {
        let processed = MessageProcessor(enrichedVersion: version).process(story)
        #expect(processed.outputs.map(\.topic) == ["articles.normalised.v1", "articles.parsed.v1", "articles.enriched.v1"])
    }

    @Test func onlyTheStagesAskedFor() throws {
        let enrich = MessageProcessor(enrichedVersion: SchemaVersion(major: 2, minor: 0), stages: [.enrich]).process(story)
        #expect(enrich.outputs.map(\.topic) == ["articles.enriched.v2"])
        let early = MessageProcessor(enrichedVersion: version, stages: [.normalise, .parse]).process(story)
        #expect(early.outputs.map(\.topic) == ["articles.normalised.v1", "articles.parsed.v1"])
    }

    @Test func rejectedInputIsADeadLetterWhateverTheStages() throws {
        let bad = KafkaMessage(topic: "in", partition: 0, offset: KafkaOffset(8), key: nil, value: [0x41, 0xE9, 0x74, 0xE9, 0x0A])
        let processed = MessageProcessor(enrichedVersion: SchemaVersion(major: 2, minor: 0), stages: [.enrich]).process(bad)
        #expect(processed.outputs.map(\.topic) == ["articles.dlq.v1"])
        #expect(processed.outputs.first?.value == bad.value)
    }
}
