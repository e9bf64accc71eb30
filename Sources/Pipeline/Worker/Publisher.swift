import Kafka
import Logging

/// The one task that hands records to the producer. It takes what the lanes
/// pass on (`PublishItem`) in order, so each partition's outputs are sent in
/// input order, and applies the rules for records the broker cannot take:
///
/// - a record over the producer's `message.max.bytes` is never sent: its
///   input becomes a `publish` dead letter (`record-too-large`) instead;
/// - a dead letter that is itself too large is truncated (`DeadLetterFit`);
/// - what failed transiently is sent again after a backoff, never dead-lettered;
/// - a fatal client error stops the core.
///
/// Delivery reports do not come back here: they go from the producer's
/// thread straight to the `LaneTable`.
struct Publisher: Sendable {
    let producer: KafkaProducer
    let processor: MessageProcessor
    let table: LaneTable
    let settings: StreamSettings
    /// The publisher's own queue, for retries whose backoff has passed.
    let requeue: AsyncStream<PublishItem>.Continuation
    let counters: WorkerCounters
    let logger: Logger

    /// Runs until `items` ends; throws the core's failure.
    func run(_ items: AsyncStream<PublishItem>) async throws {
        try await withThrowingDiscardingTaskGroup { delays in
            for await item in items {
                switch item {
                case .records(let ticket, let processed):
                    try await sendRecords(ticket, processed)
                case .deadLetter(let ticket, let input, let rejection):
                    try await sendDeadLetter(ticket, input: input, rejection: rejection)
                case .retry(let ticket, let input, let outputs, let attempt, let rejection):
                    let wait = settings.backoff(attempt: attempt)
                    counters.retried(outputs.count)
                    logger.warning("sending again after a transient failure", metadata: [
                        "source": "\(input.topicPartition)@\(input.offset)", "attempt": "\(attempt)", "after": "\(wait)",
                    ])
                    delays.addTask { [requeue] in
                        do {
                            try await Task.sleep(for: wait)
                        } catch {
                            return  // cancelled at shutdown: the message stays uncommitted and is read again
                        }
                        requeue.yield(.resend(ticket, input: input, outputs: outputs, rejection: rejection))
                    }
                case .resend(let ticket, let input, let outputs, let rejection):
                    try await resend(ticket, input: input, outputs: outputs, rejection: rejection)
                case .fatal(let error):
                    throw error
                }
            }
            delays.cancelAll()
        }
    }

    private func sendRecords(_ ticket: LaneTicket, _ processed: ProcessedMessage) async throws {
        let plan = plan(processed)
        guard table.beginPublishing(
            ticket, pending: plan.records.count, outcome: plan.outcome, deadLetter: plan.deadLetter, rejection: plan.rejection
        ) else { return }
        for (index, record) in plan.records.enumerated() {
            try await send(record, ticket: ticket, output: index)
        }
    }

    private func sendDeadLetter(_ ticket: LaneTicket, input: KafkaMessage, rejection: PublishRejection) async throws {
        let letter = fit(processor.deadLetter(for: input, stage: .publish, code: rejection.code, reason: rejection.reason))
        guard table.beginPublishing(
            ticket, pending: 1, outcome: .deadLettered(stage: .publish, code: rejection.code), deadLetter: true, rejection: rejection
        ) else { return }
        try await send(letter, ticket: ticket, output: 0)
    }

    /// Sends again the outputs that failed transiently. The stages are pure,
    /// so running them again gives the same records; only the failed ones go out.
    private func resend(_ ticket: LaneTicket, input: KafkaMessage, outputs: [Int], rejection: PublishRejection?) async throws {
        if let rejection {
            try await sendDeadLetter(ticket, input: input, rejection: rejection)
            return
        }
        let plan = plan(processor.process(input))
        let wanted = outputs.filter { $0 < plan.records.count }
        guard table.beginPublishing(ticket, pending: wanted.count, outcome: nil, deadLetter: plan.deadLetter, rejection: nil) else { return }
        for index in wanted {
            try await send(plan.records[index], ticket: ticket, output: index)
        }
    }

    private func send(_ record: KafkaProducerMessage, ticket: LaneTicket, output: Int) async throws {
        do {
            try await producer.enqueue(record, ticket: ticket.delivery(output: output))
        } catch {
            if error.kind == .fatal {
                table.fail(.fatal(error))
                throw WorkerError.fatal(error)
            }
            table.notSent(ticket, output: output, topic: record.topic, error: error)
        }
    }

    /// What to send for a processed message: its records, or, when one is
    /// larger than the producer takes, a `publish` dead letter instead.
    private func plan(_ processed: ProcessedMessage) -> (
        records: [KafkaProducerMessage], outcome: ProcessedMessage.Outcome, deadLetter: Bool, rejection: PublishRejection?
    ) {
        if case .deadLettered = processed.outcome {
            return (processed.outputs.map(fit), processed.outcome, true, nil)
        }
        let limit = producer.maxMessageBytes
        for record in processed.outputs {
            let size = producer.wireSize(of: record)
            guard size > limit else { continue }
            let rejection = PublishRejection(
                code: "record-too-large",
                reason: "its \(record.topic) record is \(size) bytes, more than the producer's message.max.bytes (\(limit))"
            )
            let letter = fit(processor.deadLetter(for: processed.input, stage: .publish, code: rejection.code, reason: rejection.reason))
            return ([letter], .deadLettered(stage: .publish, code: rejection.code), true, rejection)
        }
        return (processed.outputs, processed.outcome, false, nil)
    }

    private func fit(_ letter: KafkaProducerMessage) -> KafkaProducerMessage {
        DeadLetterFit.fit(letter, limit: producer.maxMessageBytes, wireSize: producer.wireSize(of:))
    }
}
