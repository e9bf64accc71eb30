import Kafka

/// What to send for one processed message, decided on the stage thread so
/// the publisher only sends: the records, or, when one is larger than the
/// producer's `message.max.bytes`, a `publish` dead letter instead; dead
/// letters too large themselves are truncated (`DeadLetterFit`).
struct PublishPlan: Sendable {
    var input: KafkaMessage
    var records: [KafkaProducerMessage]
    var outcome: ProcessedMessage.Outcome
    /// The records are a dead letter (which cannot itself be dead-lettered).
    var deadLetter: Bool
    var rejection: PublishRejection?

    /// Bytes of the records' keys and values.
    var bytes: Int { records.reduce(0) { $0 + ($1.value?.count ?? 0) + ($1.key?.count ?? 0) } }

    init(_ processed: ProcessedMessage, processor: MessageProcessor, maxMessageBytes: Int) {
        if case .deadLettered = processed.outcome {
            self.init(
                input: processed.input, records: processed.outputs.map { Self.fit($0, maxMessageBytes) },
                outcome: processed.outcome, deadLetter: true, rejection: nil
            )
            return
        }
        for record in processed.outputs {
            let size = KafkaProducer.wireSize(of: record)
            guard size > maxMessageBytes else { continue }
            let rejection = PublishRejection(
                code: MessageProcessor.recordTooLargeCode,
                reason: "its \(record.topic) record is \(size) bytes, more than the producer's message.max.bytes (\(maxMessageBytes))"
            )
            self.init(deadLetterFor: processed.input, rejection: rejection, processor: processor, maxMessageBytes: maxMessageBytes)
            return
        }
        self.init(input: processed.input, records: processed.outputs, outcome: processed.outcome, deadLetter: false, rejection: nil)
    }

    /// A `publish` dead letter for `input`.
    init(deadLetterFor input: KafkaMessage, rejection: PublishRejection, processor: MessageProcessor, maxMessageBytes: Int) {
        let letter = processor.deadLetter(for: input, stage: .publish, code: rejection.code, reason: rejection.reason)
        self.init(
            input: input, records: [Self.fit(letter, maxMessageBytes)], outcome: .deadLettered(stage: .publish, code: rejection.code),
            deadLetter: true, rejection: rejection
        )
    }

    private init(
        input: KafkaMessage, records: [KafkaProducerMessage], outcome: ProcessedMessage.Outcome, deadLetter: Bool, rejection: PublishRejection?
    ) {
        self.input = input
        self.records = records
        self.outcome = outcome
        self.deadLetter = deadLetter
        self.rejection = rejection
    }

    private static func fit(_ letter: KafkaProducerMessage, _ limit: Int) -> KafkaProducerMessage {
        DeadLetterFit.fit(letter, limit: limit, wireSize: KafkaProducer.wireSize(of:))
    }
}
