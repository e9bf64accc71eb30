import Dispatch
import Kafka
import Testing
import TestSupport
@testable import Pipeline

/// The lanes' bookkeeping without Kafka: results that finish out of order
/// are handed on in offset order, the committable offset is the end of the
/// unbroken acknowledged prefix, refused records turn into dead letters and
/// transient failures into retries, a fatal error stops the core, and the
/// byte bound pauses and resumes.
@Suite(.timeLimit(.minutes(1)))
struct LaneTableTests {
    let partition = KafkaTopicPartition(topic: "in", partition: 0)

    private func message(_ offset: Int64, bytes: Int = 10) -> KafkaMessage {
        KafkaMessage(topic: "in", partition: 0, offset: KafkaOffset(offset), key: nil, value: Array(repeating: 0x61, count: bytes))
    }

    private func processed(_ message: KafkaMessage, outputs: Int = 2) -> PublishPlan {
        let records = (0..<outputs).map { KafkaProducerMessage(topic: "out", key: "k", value: "record \($0)") }
        let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        return PublishPlan(ProcessedMessage(input: message, outputs: records, outcome: .articles(1)), processor: processor, maxMessageBytes: 1_000_000)
    }

    private func makeTable(_ settings: StreamSettings = StreamSettings()) -> (LaneTable, AsyncStream<PublishItem>, WorkerCounters) {
        let (items, continuation) = AsyncStream.makeStream(of: PublishItem.self)
        let counters = WorkerCounters()
        return (LaneTable(settings: settings, counters: counters, publish: continuation), items, counters)
    }

    private func delivered(_ table: LaneTable, _ ticket: LaneTicket, outputs: Int, error: KafkaError? = nil) {
        for output in 0..<outputs {
            table.delivered(ticket.delivery(output: output), KafkaDeliveryReport(topic: "out", partition: 0, offset: .invalid, error: error))
        }
    }

    /// Message 0 of a fresh lane, processed into `outputs` records that are being sent.
    private func sending(_ table: LaneTable, outputs: Int) -> LaneTicket {
        table.assign([partition])
        let input = message(0)
        let ticket = table.admit(input)!
        table.processed(ticket, processed(input, outputs: outputs))
        #expect(table.beginPublishing(ticket, pending: outputs, outcome: nil, deadLetter: false, rejection: nil))
        return ticket
    }

    @Test func resultsFinishingOutOfOrderArePublishedInOrder() async {
        let (table, items, _) = makeTable()
        table.assign([partition])
        let messages = (0..<5).map { message(Int64(100 + $0)) }
        let tickets = messages.map { table.admit($0)! }
        for index in [3, 1, 4, 0, 2] {
            table.processed(tickets[index], processed(messages[index]))
        }
        var published: [Int64] = []
        for await item in items {
            guard case .records(_, let result) = item else { continue }
            published.append(result.input.offset.rawValue)
            if published.count == 5 { break }
        }
        #expect(published == [100, 101, 102, 103, 104])
    }

    @Test func commitsOnlyTheAcknowledgedPrefix() {
        let (table, _, counters) = makeTable()
        table.assign([partition])
        let messages = (0..<4).map { message(Int64($0 * 2)) }  // offsets with gaps, as compaction leaves them
        let tickets = messages.map { table.admit($0)! }
        for (ticket, input) in zip(tickets, messages) {
            table.processed(ticket, processed(input))
            #expect(table.beginPublishing(ticket, pending: 2, outcome: nil, deadLetter: false, rejection: nil))
        }
        delivered(table, tickets[1], outputs: 2)
        delivered(table, tickets[2], outputs: 2)
        #expect(table.commitCandidates().isEmpty, "message 0 is still unacknowledged")
        delivered(table, tickets[0], outputs: 2)
        let candidates = table.commitCandidates()
        #expect(candidates.map(\.offset.offset.rawValue) == [5], "one past offset 4, the last of the unbroken prefix")
        table.committed(candidates)
        #expect(counters.current.committed == 3)
        #expect(counters.current.produced == 6)
        #expect(table.commitCandidates().isEmpty)
        delivered(table, tickets[3], outputs: 2)
        #expect(table.commitCandidates().map(\.offset.offset.rawValue) == [7])
    }

    @Test func aCancelledDrainWaitReturnsWhileWorkIsUnacknowledged() async throws {
        let (table, _, _) = makeTable()
        _ = sending(table, outputs: 2)  // never acknowledged
        let returned = DispatchSemaphore(value: 0)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [partition] in
                await table.waitDrained([partition])
                returned.signal()
            }
            try await eventually("the drain wait to block") { table.drainWaiterCount == 1 }
            group.cancelAll()
            let inTime = await returned.signalled(within: .seconds(5))
            // Ends a wait that ignored the cancel, so a failure fails instead of hanging.
            table.remove([partition])
            #expect(inTime, "a cancelled drain wait returns at once")
            #expect(table.drainWaiterCount == 0)
        }
    }

    @Test func aRefusedRecordTurnsTheInputIntoADeadLetter() async {
        let (table, items, counters) = makeTable()
        let ticket = sending(table, outputs: 2)
        table.delivered(ticket.delivery(output: 0), KafkaDeliveryReport(topic: "out", partition: 0, offset: KafkaOffset(1), error: nil))
        let tooLarge = KafkaError(code: .messageSizeTooLarge, name: "MSG_SIZE_TOO_LARGE", message: "too large")
        table.delivered(ticket.delivery(output: 1), KafkaDeliveryReport(topic: "out", partition: 0, offset: .invalid, error: tooLarge))
        var rejection: PublishRejection?
        for await item in items {
            if case .deadLetter(_, _, let refused) = item {
                rejection = refused
                break
            }
        }
        #expect(rejection?.code == "record-too-large")
        #expect(table.commitCandidates().isEmpty, "not done until the dead letter is acknowledged")
        #expect(table.beginPublishing(ticket, pending: 1, outcome: .deadLettered(stage: .publish, code: "record-too-large"), deadLetter: true, rejection: rejection))
        delivered(table, ticket, outputs: 1)
        #expect(table.commitCandidates().map(\.offset.offset.rawValue) == [1])
        #expect(counters.current.deadLettersByReason == ["publish/record-too-large": 1])
    }

    @Test func aTransientFailureIsRetriedNotDeadLettered() async {
        let (table, items, _) = makeTable()
        let ticket = sending(table, outputs: 3)
        let timedOut = KafkaError(code: .messageTimedOut, name: "_MSG_TIMED_OUT", message: "timed out")
        table.delivered(ticket.delivery(output: 0), KafkaDeliveryReport(topic: "out", partition: 0, offset: KafkaOffset(0), error: nil))
        table.delivered(ticket.delivery(output: 1), KafkaDeliveryReport(topic: "out", partition: 0, offset: .invalid, error: timedOut))
        table.delivered(ticket.delivery(output: 2), KafkaDeliveryReport(topic: "out", partition: 0, offset: KafkaOffset(1), error: nil))
        var retried: [Int] = []
        for await item in items {
            if case .retry(_, _, let outputs, let attempt, let rejection) = item {
                #expect(attempt == 1 && rejection == nil)
                retried = outputs
                break
            }
        }
        #expect(retried == [1])
        #expect(table.beginPublishing(ticket, pending: 1, outcome: nil, deadLetter: false, rejection: nil))
        table.delivered(ticket.delivery(output: 1), KafkaDeliveryReport(topic: "out", partition: 0, offset: KafkaOffset(2), error: nil))
        #expect(table.commitCandidates().map(\.offset.offset.rawValue) == [1])
    }

    @Test func pausesOverTheByteBoundAndResumesAtHalf() {
        var settings = StreamSettings()
        settings.maxInFlightBytes = 4000
        settings.maxPartitionBytes = 1000
        let (table, _, _) = makeTable(settings)
        table.assign([partition])
        let messages = (0..<4).map { message(Int64($0), bytes: 300) }
        let tickets = messages.map { table.admit($0)! }
        #expect(table.flowChanges().pause == [partition], "1200 bytes in flight, over the partition's 1000")
        #expect(table.flowChanges().pause.isEmpty, "already paused")
        #expect(table.snapshot.partitions.first?.paused == true)
        for (ticket, input) in zip(tickets, messages).prefix(3) {
            table.processed(ticket, processed(input, outputs: 0))
            #expect(table.beginPublishing(ticket, pending: 0, outcome: nil, deadLetter: false, rejection: nil))
        }
        #expect(table.flowChanges().resume == [partition], "300 bytes left, under half of 1000")
        #expect(table.snapshot.partitions.first?.paused == false)
    }

    @Test func reportsForARemovedLaneAreIgnored() {
        let (table, _, _) = makeTable()
        table.assign([partition])
        let input = message(0)
        let ticket = table.admit(input)!
        table.remove([partition])
        table.processed(ticket, processed(input))
        #expect(!table.beginPublishing(ticket, pending: 2, outcome: nil, deadLetter: false, rejection: nil))
        table.assign([partition])
        #expect(table.admit(input)?.lane != ticket.lane, "a new assignment gets a new lane")
        #expect(table.commitCandidates().isEmpty)
    }

    @Test func aFatalDeliveryErrorStopsTheCoreWithOneSentence() async {
        let (table, items, _) = makeTable()
        let ticket = sending(table, outputs: 1)
        let fenced = KafkaError(code: .fenced, name: "_FENCED", message: "this producer instance has been fenced")
        delivered(table, ticket, outputs: 1, error: fenced)
        var stop: WorkerError?
        for await item in items {
            if case .fatal(let error) = item {
                stop = error
                break
            }
        }
        let sentence = stop.map { "\($0)" } ?? ""
        #expect(sentence.hasPrefix("the Kafka client hit a fatal error and cannot continue (this producer instance has been fenced [_FENCED])"))
        #expect(!sentence.contains("\n"))
        #expect(table.failure != nil)
        #expect(table.commitCandidates().isEmpty, "nothing is committed past a fatal error")
        #expect(table.admit(message(1)) == nil, "no new work is taken after a fatal error")
    }

    @Test func deliveryTicketsRoundTrip() {
        let ticket = LaneTicket(lane: 77, sequence: (1 << 33) + 5)
        let parsed = LaneTicket.parse(delivery: ticket.delivery(output: 12))
        #expect(parsed.lane == 77 && parsed.sequenceLowBits == 5 && parsed.output == 12)
        #expect(ticket.delivery(output: 1023) <= UInt64(UInt.max >> 1))
    }
}
