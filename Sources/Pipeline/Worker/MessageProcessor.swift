import ArticleText
import Foundation
import Kafka

/// Turns one input message into its output messages: the normalised record,
/// then a parsed and an enriched record per article, each keyed by the
/// article id and carrying the schema headers; or, when a stage rejects the
/// input, one dead letter that keeps the input bytes unchanged. Pure: the
/// same message always gives the same outputs, so replays are byte-identical.
///
/// `stages` chooses which stages' records are written (all by default; a
/// replay may write only some): the text stages run up to the last of them,
/// so an input is dead-lettered only by a stage that had to run.
public struct MessageProcessor: Sendable {
    public var topics: OutputTopics
    /// The `article.enriched` version to write (`--output-version`).
    public var enrichedVersion: SchemaVersion
    public var limits: InputLimits
    public var pipelineVersion: String
    /// The stages whose records are written; never empty.
    public var stages: Set<Stage>

    public init(
        topics: OutputTopics = OutputTopics(), enrichedVersion: SchemaVersion, limits: InputLimits = InputLimits(),
        pipelineVersion: String = PipelineVersion.current, stages: Set<Stage> = Set(Stage.allCases)
    ) {
        self.topics = topics
        self.enrichedVersion = enrichedVersion
        self.limits = limits
        self.pipelineVersion = pipelineVersion
        self.stages = stages.isEmpty ? Set(Stage.allCases) : stages
    }

    public func process(_ message: KafkaMessage) -> ProcessedMessage {
        process(message, meters: nil)
    }

    /// The same, timing and counting each stage in `meters` (the worker's
    /// `/stats`); record encoding counts as part of enrich. With
    /// `maxRecordBytes` (the producer's `message.max.bytes`), an input whose
    /// normalised record cannot fit is dead-lettered (`publish`,
    /// `record-too-large`) as soon as normalise has run, without paying for
    /// parse and enrich: the same dead letter the publish check gives later.
    func process(_ message: KafkaMessage, meters: WorkerMetrics?, maxRecordBytes: Int? = nil) -> ProcessedMessage {
        var timer = StageTimer(meters)
        let source = SourcePosition(topic: message.topic, partition: message.partition, offset: message.offset.rawValue)
        let inputHeaders = message.headers.map { RecordHeader(name: $0.key, value: $0.value ?? []) }
        if message.valueIsNull {
            timer.enter(.normalise)
            timer.failed()
            let headers = DeadLetterHeaders.make(
                stage: .normalise, code: Self.emptyValueCode, reason: "the message has no value (a tombstone); there is nothing to process",
                source: source, attempt: attempt(of: inputHeaders), pipelineVersion: pipelineVersion, inputHeaders: inputHeaders
            )
            return deadLetter(message, headers: headers, stage: .normalise, code: Self.emptyValueCode)
        }
        let raw = RawArticle(
            bytes: message.value,
            declaredFormat: InputFormatHint.format(of: message),
            receivedAt: message.timestampMilliseconds.map { Date(timeIntervalSince1970: Double($0) / 1000) }
        )
        do {
            let normalised = try TextStages.normalise(raw, limits: limits, observer: &timer)
            if let maxRecordBytes, let reason = unpublishable(normalised.normalised, maxRecordBytes: maxRecordBytes) {
                timer.finished()
                let headers = DeadLetterHeaders.make(
                    stage: .publish, code: Self.recordTooLargeCode, reason: reason, source: source,
                    attempt: attempt(of: inputHeaders), pipelineVersion: pipelineVersion, inputHeaders: inputHeaders
                )
                return deadLetter(message, headers: headers, stage: .publish, code: Self.recordTooLargeCode)
            }
            let result = try TextStages.resume(
                normalised, through: stages.max() ?? .enrich, referenceDate: raw.receivedAt, observer: &timer
            )
            let outputs = try outputs(of: result, source: source, inputHeaders: inputHeaders)
            timer.finished()
            return ProcessedMessage(input: message, outputs: outputs, outcome: .articles(result.articles.count))
        } catch let error as ArticleTextError {
            timer.failed()
            let headers = DeadLetterHeaders.make(for: error, source: source, attempt: attempt(of: inputHeaders), inputHeaders: inputHeaders)
            return deadLetter(message, headers: headers, stage: DeadLetterStage(error.stage), code: error.code.rawValue)
        } catch {
            // The stages finished; the record that cannot be encoded is a publish dead letter.
            timer.finished()
            let headers = DeadLetterHeaders.make(
                stage: .publish, code: "encoding-failed", reason: "the record could not be encoded: \(error)",
                source: source, attempt: attempt(of: inputHeaders), inputHeaders: inputHeaders
            )
            return deadLetter(message, headers: headers, stage: .publish, code: "encoding-failed")
        }
    }

    private func outputs(of result: TextStages.Output, source: SourcePosition, inputHeaders: [RecordHeader]) throws -> [KafkaProducerMessage] {
        let records = try StageRecords.encode(
            result, stages: stages, enrichedVersion: enrichedVersion, source: source, pipelineVersion: pipelineVersion
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

    /// Why the normalised record of `document` cannot be published under
    /// `maxRecordBytes`, or nil when it may fit. The record holds `text` and
    /// `searchText` as JSON strings, and escaping never shortens a string, so
    /// their UTF-8 bytes are a lower bound on its size.
    private func unpublishable(_ document: NormalisedDocument, maxRecordBytes: Int) -> String? {
        guard stages.contains(.normalise) else { return nil }
        let atLeast = document.text.utf8.count + document.searchText.utf8.count
        guard atLeast > maxRecordBytes else { return nil }
        return "its normalised record would be at least \(atLeast) bytes (its normalised text and searchText alone), "
            + "more than the producer's message.max.bytes (\(maxRecordBytes)); parse and enrich were not run"
    }

    /// The dead-letter code of an input whose records cannot be published.
    public static let recordTooLargeCode = "record-too-large"

    /// The dead-letter code of a message without a value.
    public static let emptyValueCode = "empty-value"

    /// A dead letter for `message`: its key and value unchanged (a null value
    /// stays null), the failure in headers.
    public func deadLetter(for message: KafkaMessage, stage: DeadLetterStage, code: String, reason: String) -> KafkaProducerMessage {
        let source = SourcePosition(topic: message.topic, partition: message.partition, offset: message.offset.rawValue)
        let inputHeaders = message.headers.map { RecordHeader(name: $0.key, value: $0.value ?? []) }
        let headers = DeadLetterHeaders.make(
            stage: stage, code: code, reason: reason, source: source, attempt: attempt(of: inputHeaders),
            pipelineVersion: pipelineVersion, inputHeaders: inputHeaders
        )
        return letter(message, headers: headers)
    }

    private func deadLetter(_ message: KafkaMessage, headers: [RecordHeader], stage: DeadLetterStage, code: String) -> ProcessedMessage {
        ProcessedMessage(input: message, outputs: [letter(message, headers: headers)], outcome: .deadLettered(stage: stage, code: code))
    }

    private func letter(_ message: KafkaMessage, headers: [RecordHeader]) -> KafkaProducerMessage {
        KafkaProducerMessage(
            topic: topics.deadLetter, key: message.key, value: message.valueIsNull ? nil : message.value,
            headers: headers.map { KafkaHeader(key: $0.name, value: $0.value) }
        )
    }

    /// A re-driven dead letter counts its attempts on.
    private func attempt(of inputHeaders: [RecordHeader]) -> Int {
        (DeadLetterHeaders.attempt(in: inputHeaders) ?? 0) + 1
    }
}
