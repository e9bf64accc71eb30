import Foundation
import Synchronization
import Testing
@testable import Kafka
import TestSupport

/// The hand-over between poll thread and application, without a broker.
@Suite(.timeLimit(.minutes(3))) struct ConsumerEventBufferTests {
    private static func message(_ offset: Int64) -> KafkaMessage {
        KafkaMessage(topic: "t", partition: 0, offset: KafkaOffset(offset), key: nil, value: [])
    }

    /// The next event, with a deadline.
    private static func next(_ buffer: ConsumerEventBuffer, _ what: String) async throws -> KafkaConsumerEvent? {
        try await withDeadline(what, within: .seconds(10)) { try await buffer.next() }
    }

    @Test func revocationIsReleasedOnlyWhenTheNextEventIsRequested() async throws {
        let buffer = ConsumerEventBuffer(capacity: 4)
        let released = DispatchSemaphore(value: 0)
        let pusher = Thread {
            buffer.push(.messages([Self.message(0)]))
            buffer.pushRevocation(KafkaRevocation(partitions: [KafkaTopicPartition(topic: "t", partition: 0)], lost: false))
            released.signal()
        }
        pusher.start()

        guard case .messages(let batch) = try await Self.next(buffer, "the messages") else { Issue.record("expected messages first"); return }
        #expect(batch.map(\.offset) == [KafkaOffset(0)])
        guard case .partitionsRevoked(let revocation) = try await Self.next(buffer, "the revocation") else {
            Issue.record("expected the revocation")
            return
        }
        #expect(revocation.partitions.count == 1)
        // The application is still "handling" the revocation: the poll thread must wait.
        #expect(await !released.signalled(within: .milliseconds(300)), "the poll thread went on while the revocation was being handled")

        async let next = Self.next(buffer, "the end of the events")
        try await released.wait(for: "the poll thread to be released by the next request", within: .seconds(10))
        buffer.finish(failure: nil)
        #expect(try await next == nil)
    }

    @Test func fullBufferBlocksThePollThreadUntilTheApplicationReads() async throws {
        let buffer = ConsumerEventBuffer(capacity: 2)
        let pushed = DispatchSemaphore(value: 0)
        Thread {
            for offset in 0..<3 {
                buffer.push(.messages([Self.message(Int64(offset))]))
                pushed.signal()
            }
        }.start()
        // Two fit without a reader; the third push waits until one is read.
        try await pushed.wait(for: "the first push", within: .seconds(10))
        try await pushed.wait(for: "the second push", within: .seconds(10))
        #expect(await !pushed.signalled(within: .milliseconds(500)), "the third push returned while the buffer was full")

        guard case .messages(let first) = try await Self.next(buffer, "the first batch") else { Issue.record("expected messages"); return }
        try await pushed.wait(for: "the third push, once a read made room", within: .seconds(10))
        var offsets = first.map(\.offset.rawValue)
        for index in 0..<2 {
            if case .messages(let batch) = try await Self.next(buffer, "batch \(index + 2)") { offsets += batch.map(\.offset.rawValue) }
        }
        #expect(offsets == [0, 1, 2])
    }

    @Test func fatalFailureIsThrownAfterBufferedEvents() async throws {
        let buffer = ConsumerEventBuffer(capacity: 4)
        buffer.push(.messages([Self.message(7)]))
        buffer.finish(failure: KafkaError(code: .fatal, name: "_FATAL", message: "boom", isFatal: true))
        guard case .messages = try await buffer.next() else { Issue.record("expected messages"); return }
        await #expect(throws: KafkaError.self) { try await buffer.next() }
    }

    @Test func bufferedBytesBlockThePollThreadToo() async throws {
        let buffer = ConsumerEventBuffer(capacity: 100, byteCapacity: 1000)
        let pushed = Mutex(0)
        let big: @Sendable (Int64) -> KafkaMessage = { offset in
            KafkaMessage(topic: "t", partition: 0, offset: KafkaOffset(offset), key: nil, value: Array(repeating: 0, count: 600))
        }
        let done = DispatchSemaphore(value: 0)
        Thread {
            for offset in 0..<3 {
                buffer.push(.messages([big(Int64(offset))]))
                pushed.withLock { $0 += 1 }
            }
            done.signal()
        }.start()
        // 600 fits; the second push brings 1200, over the 1000-byte bound, so it waits.
        try await eventually("the first push") { pushed.withLock { $0 } >= 1 }
        #expect(done.wait(timeout: .now() + .milliseconds(200)) == .timedOut)
        #expect(pushed.withLock { $0 } == 1)
        var read = 0
        while read < 3 {
            guard case .messages = try await buffer.next() else { Issue.record("expected messages"); return }
            read += 1
        }
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                done.wait()
                continuation.resume()
            }
        }
        #expect(pushed.withLock { $0 } == 3)
        buffer.finish(failure: nil)
    }
}
