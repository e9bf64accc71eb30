import Kafka

/// What a replay will read: per partition, the offsets from `start`
/// (inclusive) to `end` (exclusive), and where this run begins (`next`: the
/// group's committed offset when an earlier run got that far). The end is
/// fixed when the range is first planned, so a replay of a live topic
/// finishes and a rerun stops where the first run would have.
public struct ReplayPlan: Sendable, Hashable {
    public struct Range: Sendable, Hashable {
        public var topicPartition: KafkaTopicPartition
        public var start: Int64
        public var end: Int64
        /// The first offset this run reads: `start`, or the group's committed
        /// offset within the range.
        public var next: Int64
        /// The group's committed offset here before this run, if any.
        public var committed: Int64?
        /// The group had committed offsets here: this run continues an earlier one.
        public var resumed: Bool { committed != nil }
        /// The end was fixed by an earlier run (kept in the ends group), not resolved now.
        public var endFixedEarlier: Bool
        /// How time bounds were placed (for the dry run).
        public var from: ResolvedTime?
        public var until: ResolvedTime?
        /// Where the partition's records end now (one past the last), read from the records.
        public var partitionEnd: Int64
        /// The broker's high watermark, when it was not the partition's real end (Tansu).
        public var wrongHighWatermark: Int64?

        /// Offsets in the range.
        public var count: Int64 { max(0, end - start) }
        /// Offsets this run still has to read.
        public var remaining: Int64 { max(0, end - next) }
    }

    public var topic: String
    public var ranges: [Range]
    /// Offsets in the whole range.
    public var total: Int64 { ranges.reduce(0) { $0 + $1.count } }
    /// Offsets this run still has to read.
    public var remaining: Int64 { ranges.reduce(0) { $0 + $1.remaining } }
    /// An earlier run of the same group got somewhere.
    public var resumed: Bool { ranges.contains(where: \.resumed) }

    /// What an earlier run of the same group left: committed offsets and fixed ends, by partition.
    public struct GroupState: Sendable, Hashable {
        public var committed: [Int32: Int64]
        public var ends: [Int32: Int64]

        public init(committed: [Int32: Int64] = [:], ends: [Int32: Int64] = [:]) {
            self.committed = committed
            self.ends = ends
        }
    }

    /// Resolves `from` and `until` on every partition of `topic` (`partitions`
    /// from the cluster's metadata) and applies what the group left.
    public static func make(
        topic: String, partitions: [Int32], from: ReplayBound, until: ReplayBound, reader: KafkaRecordReader,
        answers: any ReplayTimeAnswers, group: GroupState = GroupState()
    ) async throws -> ReplayPlan {
        guard !partitions.isEmpty else { throw ReplayError.noSuchTopic(topic) }
        let resolver = ReplayTimeResolver(reader: reader, answers: answers)
        var ranges: [Range] = []
        for partition in partitions.sorted() {
            let topicPartition = KafkaTopicPartition(topic: topic, partition: partition)
            let marks = try await reader.watermarks(topicPartition)
            // Read on from the watermark to the real end: one fetch where the
            // watermark is right, the last batch where it is not (Tansu).
            let end = try await reader.end(of: topicPartition, readingFrom: max(marks.low, marks.high))
            var range = Range(
                topicPartition: topicPartition, start: marks.low, end: end, next: marks.low, committed: group.committed[partition], endFixedEarlier: false,
                partitionEnd: end, wrongHighWatermark: marks.high == end ? nil : marks.high
            )
            let low = marks.low
            switch from {
            case .beginning: range.start = low
            case .end: range.start = end
            case .offset(let offset): range.start = min(max(offset, low), end)
            case .time(let date):
                let resolved = try await resolver.resolve(ReplayBound.milliseconds(date), on: topicPartition, low: low, end: end)
                range.from = resolved
                range.start = resolved.offset
            }
            if let fixed = group.ends[partition] {
                range.end = fixed
                range.endFixedEarlier = true
            } else {
                switch until {
                case .beginning: range.end = low
                case .end: range.end = end
                case .offset(let offset): range.end = min(max(offset, low), end)
                case .time(let date):
                    let resolved = try await resolver.resolve(ReplayBound.milliseconds(date), on: topicPartition, low: low, end: end)
                    range.until = resolved
                    range.end = resolved.offset
                }
            }
            range.end = max(range.start, range.end)
            range.next = range.start
            if let committed = range.committed {
                range.next = min(max(committed, range.start), range.end)
            }
            ranges.append(range)
        }
        return ReplayPlan(topic: topic, ranges: ranges)
    }
}
