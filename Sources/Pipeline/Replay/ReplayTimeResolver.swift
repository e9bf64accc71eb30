import Kafka
import Logging

/// Where a broker's offsets-for-times answers come from. The broker is the
/// only real source; the protocol exists so the check of a *right* answer can
/// be tested, since neither test broker ever gives one.
public protocol ReplayTimeAnswers: Sendable {
    /// The first offset whose timestamp is at or after `milliseconds`, as the
    /// broker says (`.end`: none); nil when it gave no usable answer.
    func answer(forTimestamp milliseconds: Int64, in partition: KafkaTopicPartition) async -> KafkaOffset?
}

/// The broker's own answer, through the record reader's client.
public struct BrokerTimeAnswers: ReplayTimeAnswers {
    let reader: KafkaRecordReader
    let logger: Logger

    public init(reader: KafkaRecordReader, logger: Logger) {
        self.reader = reader
        self.logger = logger
    }

    public func answer(forTimestamp milliseconds: Int64, in partition: KafkaTopicPartition) async -> KafkaOffset? {
        do {
            let answer = try await reader.offset(forTimestamp: milliseconds, in: partition)
            if let error = answer.error {
                logger.info("the broker refused offsets-for-times for \(partition): \(error); searching the records instead")
                return nil
            }
            return answer.offset
        } catch {
            logger.info("offsets-for-times failed for \(partition): \(error); searching the records instead")
            return nil
        }
    }
}

/// How a time bound was placed on one partition: the offset of its first
/// record at or after the time, and how that was found.
public struct ResolvedTime: Sendable, Hashable, CustomStringConvertible {
    public var offset: Int64
    /// The broker's answer, when it gave one (`.end` already mapped to the partition's end).
    public var brokerAnswer: Int64?
    /// The broker's answer passed the check against the records around it.
    public var verified: Bool
    /// Single-record reads spent on the check and the search.
    public var reads: Int

    public var description: String {
        let answer = brokerAnswer.map { "the broker answered \($0)" } ?? "the broker gave no answer"
        if verified { return "\(answer), checked against the records around it (\(reads) reads)" }
        return "\(answer)\(brokerAnswer == nil ? "" : ", which the records contradict"); found \(offset) by binary search (\(reads) reads)"
    }
}

/// Resolves a time to an offset on one partition without trusting the
/// broker: the answer to offsets-for-times is accepted only when the record
/// before it is older than the time and the record at it is not; otherwise
/// the partition is binary-searched with single-record reads, O(log n).
///
/// Kafka's own definition is kept: the first offset whose record has a
/// timestamp at or after the time (a record without one counts as older
/// than any time). Timestamps are assumed to rise with offsets, as they do
/// with log-append time or one producer's create time; a record out of
/// order inside the range is replayed by its offset.
public struct ReplayTimeResolver: Sendable {
    let reader: KafkaRecordReader
    let answers: any ReplayTimeAnswers

    public init(reader: KafkaRecordReader, answers: any ReplayTimeAnswers) {
        self.reader = reader
        self.answers = answers
    }

    /// The offset in `low...end` where `milliseconds` falls on `partition`,
    /// whose records occupy `low..<end`.
    public func resolve(_ milliseconds: Int64, on partition: KafkaTopicPartition, low: Int64, end: Int64) async throws -> ResolvedTime {
        guard low < end else { return ResolvedTime(offset: low, brokerAnswer: nil, verified: true, reads: 0) }
        let readsBefore = reader.reads
        var answer: Int64?
        if let given = await answers.answer(forTimestamp: milliseconds, in: partition) {
            if given == .end {
                answer = end
            } else if given.isConcrete {
                answer = given.rawValue
            }
        }
        if let answer, answer >= low, answer <= end,
           try await isBoundary(answer, milliseconds, on: partition, low: low, end: end)
        {
            return ResolvedTime(offset: answer, brokerAnswer: answer, verified: true, reads: reader.reads - readsBefore)
        }
        let found = try await search(milliseconds, on: partition, low: low, end: end)
        return ResolvedTime(offset: found, brokerAnswer: answer, verified: false, reads: reader.reads - readsBefore)
    }

    /// True when every record before `offset` is older than the time and
    /// the first record at or after it is not: the records at `offset - 1`
    /// and `offset` say so.
    private func isBoundary(_ offset: Int64, _ milliseconds: Int64, on partition: KafkaTopicPartition, low: Int64, end: Int64) async throws
        -> Bool
    {
        if offset < end {
            guard let record = try await reader.record(atOrAfter: offset, in: partition).message,
                  record.offset.rawValue < end, Self.timestamp(record) >= milliseconds
            else { return false }
        }
        if offset > low {
            // A gap just before `offset` (compaction, a transaction marker)
            // leaves the record before it unknown: search instead.
            guard let previous = try await reader.record(atOrAfter: offset - 1, in: partition).message,
                  previous.offset.rawValue == offset - 1, Self.timestamp(previous) < milliseconds
            else { return false }
        }
        return true
    }

    /// Binary search over `low..<end`. Invariant: every record below `lower`
    /// is older than the time; every record at or above `upper` is not.
    private func search(_ milliseconds: Int64, on partition: KafkaTopicPartition, low: Int64, end: Int64) async throws -> Int64 {
        var lower = low
        var upper = end
        while lower < upper {
            let middle = lower + (upper - lower) / 2
            guard let record = try await reader.record(atOrAfter: middle, in: partition).message, record.offset.rawValue < upper else {
                upper = middle  // no record in middle..<upper
                continue
            }
            if Self.timestamp(record) < milliseconds {
                lower = record.offset.rawValue + 1
            } else {
                upper = middle  // middle..<record.offset holds no record
            }
        }
        return lower
    }

    /// A record without a timestamp counts as older than any time (Kafka's -1).
    private static func timestamp(_ record: KafkaMessage) -> Int64 { record.timestampMilliseconds ?? -1 }
}
