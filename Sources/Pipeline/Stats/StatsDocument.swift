import Foundation

/// The `/stats` document (schema `stats` 1.0, `Schemas/stats/1.0.json`): a
/// point-in-time view of one worker. Optional values encode as `null`, as
/// the schema requires, never as missing keys.
public struct StatsDocument: Sendable, Hashable, Encodable {
    public struct Topics: Sendable, Hashable, Encodable {
        public var input: [String]
        public var normalised: String
        public var parsed: String
        public var enriched: String
        public var deadLetter: String
    }

    public struct Partition: Sendable, Hashable, Encodable {
        public var topic: String
        public var partition: Int32
        public var committedOffset: Int64?
        public var highWatermark: Int64?
        public var lag: Int64?
        public var inFlight: Int
        public var paused: Bool

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(topic, forKey: .topic)
            try c.encode(partition, forKey: .partition)
            try c.encode(committedOffset, forKey: .committedOffset)
            try c.encode(highWatermark, forKey: .highWatermark)
            try c.encode(lag, forKey: .lag)
            try c.encode(inFlight, forKey: .inFlight)
            try c.encode(paused, forKey: .paused)
        }

        private enum CodingKeys: String, CodingKey {
            case topic, partition, committedOffset, highWatermark, lag, inFlight, paused
        }
    }

    public struct StageCounts: Sendable, Hashable, Encodable {
        public var processed: Int
        public var failed: Int
        public var inFlight: Int
    }

    public struct Stages: Sendable, Hashable, Encodable {
        public var normalise: StageCounts
        public var parse: StageCounts
        public var enrich: StageCounts
        public var publish: StageCounts
    }

    public struct InFlight: Sendable, Hashable, Encodable {
        public var messages: Int
        public var limit: Int
    }

    public struct Throughput: Sendable, Hashable, Encodable {
        public var windowSeconds: Double
        public var messagesPerSecond: Double
        public var articlesPerSecond: Double
        public var bytesPerSecond: Double
    }

    public struct Totals: Sendable, Hashable, Encodable {
        public var consumed: Int
        public var committed: Int
        public var produced: Int
        public var deadLettered: Int
    }

    public var schema = "stats"
    public var schemaVersion = "1.0"
    public var generatedAt: String
    public var pipelineVersion: String
    public var uptimeSeconds: Double
    public var consumerGroup: String
    public var guarantee: String
    public var outputVersion: String
    public var topics: Topics
    public var partitions: [Partition]
    public var stages: Stages
    public var inFlight: InFlight
    public var throughput: Throughput
    public var totals: Totals

    /// Deterministic JSON (sorted keys) for the endpoint.
    public func jsonBytes() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
