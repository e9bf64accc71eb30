import ArticleText
import Foundation
import Kafka

/// Turns one input message into its output messages: the normalised record,
/// then a parsed and an enriched record per article, each keyed by the
/// article id and carrying the schema headers; or, when a stage rejects the
/// input, one dead letter that keeps the input bytes unchanged. Pure: the
/// same message always gives the same outputs, so replays are byte-identical.
public struct MessageProcessor: Sendable {
    public var topics: OutputTopics
    /// The `article.enriched` version to write (`--output-version`).
    public var enrichedVersion: SchemaVersion
    public var limits: InputLimits
    public var pipelineVersion: String

    public init(
        topics: OutputTopics = OutputTopics(), enrichedVersion: SchemaVersion, limits: InputLimits = InputLimits(),
        pipelineVersion: String = PipelineVersion.current
    ) {
        self.topics = topics
        self.enrichedVersion = enrichedVersion
        self.limits = limits
        self.pipelineVersion = pipelineVersion
    }

    public func process(_ message: KafkaMessage) -> ProcessedMessage {
        let source = SourcePosition(topic: message.topic, partition: message.partition, offset: message.offset.rawValue)
        let inputHeaders = message.headers.map { RecordHeader(name: $0.key, value: $0.value ?? []) }
        let raw = RawArticle(
            bytes: message.value,
            declaredFormat: InputFormatHint.format(of: message),
            receivedAt: message.timestampMilliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
        )
        do {
            let result = try TextStages.run(raw, through: .enrich, limits: limits)
            let outputs = try outputs(of: result, source: source, inputHeaders: inputHeaders)
            return ProcessedMessage(input: message, outputs: outputs, outcome: .articles(result.articles.count))
        } catch let error as ArticleTextError {
            let headers = DeadLetterHeaders.make(for: error, source: source, attempt: attempt(of: inputHeaders), inputHeaders: inputHeaders)
            return deadLetter(message, headers: headers, stage: DeadLetterStage(error.stage), code: error.code.rawValue)
        } catch {
            let headers = DeadLetterHeaders.make(
                stage: .publish, code: "encoding-failed", reason: "the record could not be encoded: \(error)",
                source: source, attempt: attempt(of: inputHeaders), inputHeaders: inputHeaders
            )
            return deadLetter(message, headers: headers, stage: .publish, code: "encoding-failed")
        }
    }

    private func outputs(of result: TextStages.Output, source: SourcePosition, inputHeaders: [RecordHeader]) throws -> [KafkaProducerMessage] {
        let records = try StageRecords.encode(
            result, stages: Set(Stage.allCases), enrichedVersion: enrichedVersion, source: source, pipelineVersion: pipelineVersion
        )
        return try records.map { record in
            let headers = OutputHeaders.make(
                schema: record.schema, version: record.version, source: source, pipelineVersion: pipelineVersion,
                inputHeaders: inputHeaders
            )
            return KafkaProducerMessage(
                topic: try topics.topic(for: record.schema, version: record.version),
                key: Array(record.id.utf8),
                value: record.bytes,
                headers: headers.map { KafkaHeader(key: $0.name, value: $0.value) }
            )
        }
    }

    private func deadLetter(_ message: KafkaMessage, headers: [RecordHeader], stage: DeadLetterStage, code: String) -> ProcessedMessage {
        let letter = KafkaProducerMessage(
            topic: topics.deadLetter, key: message.key, value: message.value,
            headers: headers.map { KafkaHeader(key: $0.name, value: $0.value) }
        )
        return ProcessedMessage(input: message, outputs: [letter], outcome: .deadLettered(stage: stage, code: code))
    }

    /// A re-driven dead letter counts its attempts on.
    private func attempt(of inputHeaders: [RecordHeader]) -> Int {
        (DeadLetterHeaders.attempt(in: inputHeaders) ?? 0) + 1
    }
}
