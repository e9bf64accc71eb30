import Kafka

/// What a replay will read: per partition, the offsets from `start`
/// (inclusive) to `end` (exclusive). The end is fixed when the plan is made,
/// so a replay of a live topic finishes.
public struct ReplayPlan: Sendable, Hashable {
    public struct Range: Sendable, Hashable {
        public var topicPartition: KafkaTopicPartition
        public var start: Int64
        public var end: Int64
        public var count: Int64 { max(0, end - start) }
    }

    public var topic: String
    public var ranges: [Range]
    public var total: Int64 { ranges.reduce(0) { $0 + $1.count } }

    /// Resolves `from` and `until` on every partition of `topic`.
    public static func make(
        topic: String, from: ReplayBound, until: ReplayBound, consumer: KafkaConsumer, admin: KafkaAdmin
    ) async throws -> ReplayPlan {
        let metadata = try await admin.metadata()
        guard let described = metadata.topic(topic), !described.partitions.isEmpty else {
            throw ReplayError.noSuchTopic(topic)
        }
        var ranges: [Range] = []
        for partition in described.partitions.map(\.id).sorted() {
            let topicPartition = KafkaTopicPartition(topic: topic, partition: partition)
            let marks = try await consumer.watermarks(topicPartition)
            let start = try await resolve(from, on: topicPartition, marks: marks, consumer: consumer)
            let end = try await resolve(until, on: topicPartition, marks: marks, consumer: consumer)
            ranges.append(Range(topicPartition: topicPartition, start: start, end: max(start, end)))
        }
        return ReplayPlan(topic: topic, ranges: ranges)
    }

    private static func resolve(
        _ bound: ReplayBound, on partition: KafkaTopicPartition, marks: KafkaWatermarks, consumer: KafkaConsumer
    ) async throws -> Int64 {
        switch bound {
        case .beginning: return marks.low
        case .end: return marks.high
        case .offset(let offset): return min(max(offset, marks.low), marks.high)
        case .time(let date):
            let milliseconds = Int64(date.timeIntervalSince1970 * 1000)
            let answers = try await consumer.offsets(forTimestamp: milliseconds, partitions: [partition])
            guard let answer = answers.first, answer.error == nil else { throw ReplayError.timesNotAnswered(partition.topic) }
            if answer.offset == .end { return marks.high }
            guard answer.offset.isConcrete else { throw ReplayError.timesNotAnswered(partition.topic) }
            return min(max(answer.offset.rawValue, marks.low), marks.high)
        }
    }
}
