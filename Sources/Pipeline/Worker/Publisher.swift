import Kafka
import Logging

/// The one task that hands records to the producer. It takes what the lanes
/// pass on (`PublishItem`) in order, so each partition's outputs are sent in
/// input order; what to send was decided on the stage threads (`PublishPlan`:
/// records over `message.max.bytes` are never sent, their input becomes a
/// `publish` dead letter). Here:
///
/// - a record the broker refused for good turns its input into a dead letter;
/// - what failed transiently is sent again after a backoff, never dead-lettered;
/// - a fatal client error stops the core;
/// - each dead letter is logged once, as one warning line (`DeadLetterLogLine`).
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
    /// Where the one line per dead letter goes: a logger of its own, so a
    /// flood of them cannot crowd the rest of the log out of its rate limit.
    let deadLetterLogger: Logger

    /// Runs until `items` ends; throws the core's failure.
    func run(_ items: AsyncStream<PublishItem>) async throws {
        try await withThrowingDiscardingTaskGroup { delays in
            for await item in items {
                switch item {
                case .records(let ticket, let processed):
                    try await sendRecords(ticket, processed)
                case .deadLetter(let ticket, let input, let rejection):
                    try await sendDeadLetter(ticket, input: input, rejection: rejection, firstTime: true)
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

    private func sendRecords(_ ticket: LaneTicket, _ plan: PublishPlan) async throws {
        guard table.beginPublishing(
            ticket, pending: plan.records.count, outcome: plan.outcome, deadLetter: plan.deadLetter, rejection: plan.rejection
        ) else { return }
        if plan.deadLetter, let letter = plan.records.first {
            deadLetterLogger.warning("\(DeadLetterLogLine.make(input: plan.input, letter: letter))")
        }
        for (index, record) in plan.records.enumerated() {
            try await send(record, ticket: ticket, output: index)
        }
    }

    /// Sends the `publish` dead letter; logs it the first time (not on a retry).
    private func sendDeadLetter(_ ticket: LaneTicket, input: KafkaMessage, rejection: PublishRejection, firstTime: Bool) async throws {
        let plan = PublishPlan(deadLetterFor: input, rejection: rejection, processor: processor, maxMessageBytes: producer.maxMessageBytes)
        guard table.beginPublishing(ticket, pending: 1, outcome: plan.outcome, deadLetter: true, rejection: rejection) else { return }
        if firstTime {
            deadLetterLogger.warning("\(DeadLetterLogLine.make(input: input, letter: plan.records[0]))")
        }
        try await send(plan.records[0], ticket: ticket, output: 0)
    }

    /// Sends again the outputs that failed transiently. The stages are pure,
    /// so running them again gives the same records; only the failed ones go out.
    private func resend(_ ticket: LaneTicket, input: KafkaMessage, outputs: [Int], rejection: PublishRejection?) async throws {
        if let rejection {
            try await sendDeadLetter(ticket, input: input, rejection: rejection, firstTime: false)
            return
        }
        let plan = PublishPlan(
            processor.process(input, meters: nil, maxRecordBytes: producer.maxMessageBytes), processor: processor,
            maxMessageBytes: producer.maxMessageBytes
        )
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
}
