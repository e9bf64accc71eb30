import Kafka
import Testing
@testable import Pipeline

/// Dead letters the worker makes by itself: a tombstone (null value) becomes
/// an `empty-value` dead letter whose value stays null (issue 8, item 10),
/// and the log line for a dead letter names where it was and why, never the
/// input, and cuts a long reason short (issue 15, row 10).
@Suite(.timeLimit(.minutes(1)))
struct DeadLetterTests {
    let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)

    @Test func aTombstoneBecomesAnEmptyValueDeadLetterThatStaysNull() throws {
        let tombstone = KafkaMessage(
            topic: "articles.raw", partition: 2, offset: KafkaOffset(7), key: Array("k-7".utf8), value: [], valueIsNull: true
        )
        let processed = processor.process(tombstone)
        #expect(processed.outcome == .deadLettered(stage: .normalise, code: "empty-value"))
        let letter = try #require(processed.outputs.first)
        #expect(processed.outputs.count == 1)
        #expect(letter.topic == processor.topics.deadLetter)
        #expect(letter.value == nil, "a tombstone's dead letter is a tombstone too")
        #expect(letter.key == Array("k-7".utf8))
        #expect(letter.headers.first { $0.key == HeaderName.deadLetterCode }?.stringValue == "empty-value")
        #expect(letter.headers.first { $0.key == HeaderName.source }?.stringValue == "articles.raw/2/7")

        let empty = KafkaMessage(topic: "articles.raw", partition: 2, offset: KafkaOffset(8), key: nil, value: [])
        #expect(processor.process(empty).outputs.first?.value == [], "an empty value is not a tombstone")
    }

    @Test func theLogLineNamesPositionStageCodeAndReasonNeverTheInput() {
        let input = KafkaMessage(
            topic: "articles.raw", partition: 3, offset: KafkaOffset(12), key: Array("key-secret".utf8), value: Array("\u{FF}body-secret".utf8)
        )
        let letter = processor.deadLetter(for: input, stage: .publish, code: "record-too-large", reason: "its record is too large")
        #expect(DeadLetterLogLine.make(input: input, letter: letter)
            == "dead letter: articles.raw/3 offset 12, stage publish, code record-too-large: its record is too large")

        let long = String(repeating: "a broker said something long ", count: 20)
        let line = DeadLetterLogLine.make(input: input, letter: processor.deadLetter(for: input, stage: .publish, code: "record-rejected", reason: long))
        let reason = line.split(separator: ": ", maxSplits: 2).last.map(String.init) ?? ""
        #expect(reason.unicodeScalars.count == DeadLetterLogLine.reasonLimit && reason.hasSuffix("…"), "\(line)")
        #expect(!line.contains("secret"))
    }
}
