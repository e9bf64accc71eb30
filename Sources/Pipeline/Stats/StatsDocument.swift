import Foundation

/// The `/stats` document (schema `stats` 2.0, `Schemas/stats/2.0.json`): a
/// point-in-time view of one worker — its partitions and lag, each stage's
/// flow and latency percentiles, end-to-end latency, dead letters, the
/// producer's queue and the brokers' round trips. Optional values encode as
/// `null`, as the schema requires, never as missing keys.
public struct StatsDocument: Sendable, Hashable, Encodable {
    public struct Topics: Sendable, Hashable, Encodable {
        public var input: [String]
        public var normalised: String
        public var parsed: String
        public var enriched: String
        public var deadLetter: String
    }

    /// One assigned input partition.
    public struct Partition: Sendable, Hashable, Encodable {
        public var topic: String
        public var partition: Int32
        /// The group's committed offset (the next offset to read); nil before any commit.
        @NullWhenAbsent public var committed: Int64?
        /// The partition's end offset (high watermark) as last fetched; nil until known.
        @NullWhenAbsent public var end: Int64?
        /// `end - committed` (from 0 when nothing is committed); nil while `end` is unknown.
        @NullWhenAbsent public var lag: Int64?
        public var inFlight: Int
        public var paused: Bool

        public init(topic: String, partition: Int32, committed: Int64?, end: Int64?, lag: Int64?, inFlight: Int, paused: Bool) {
            self.topic = topic
            self.partition = partition
            self.committed = committed
            self.end = end
            self.lag = lag
            self.inFlight = inFlight
            self.paused = paused
        }
    }

    /// One stage: input messages in, out (done), failed (dead-lettered
    /// here), in it now, dropped with a revoked or lost partition, and how
    /// long each spent in it.
    public struct Stage: Sendable, Hashable, Encodable {
        public var `in`: Int
        public var out: Int
        public var failed: Int
        public var inFlight: Int
        public var dropped: Int
        public var latency: LatencyWindows

        public init(in entered: Int, out: Int, failed: Int, inFlight: Int, dropped: Int, latency: LatencyWindows) {
            self.in = entered
            self.out = out
            self.failed = failed
            self.inFlight = inFlight
            self.dropped = dropped
            self.latency = latency
        }
    }

    public struct Stages: Sendable, Hashable, Encodable {
        public var normalise: Stage
        public var parse: Stage
        public var enrich: Stage
        public var publish: Stage
    }

    public struct EndToEnd: Sendable, Hashable, Encodable {
        public var latency: LatencyWindows
    }

    public struct DeadLetters: Sendable, Hashable, Encodable {
        public var total: Int
        public var byStage: [String: Int]
        public var byCode: [String: Int]
    }

    /// The producer's local queue, from its latest librdkafka statistics.
    public struct Producer: Sendable, Hashable, Encodable {
        @NullWhenAbsent public var queuedMessages: Int64?
        @NullWhenAbsent public var queuedBytes: Int64?
    }

    /// One broker as the producer sees it, from librdkafka statistics.
    public struct Broker: Sendable, Hashable, Encodable {
        public var name: String
        public var nodeId: Int32
        public var state: String
        /// Round trip of requests over librdkafka's last statistics window, in seconds; nil when none was timed in it.
        @NullWhenAbsent public var rttAverage: Double?
        @NullWhenAbsent public var rttP99: Double?
    }

    public struct InFlight: Sendable, Hashable, Encodable {
        public var messages: Int
        public var limit: Int
        public var bytes: Int
        public var bytesLimit: Int
    }

    public struct Throughput: Sendable, Hashable, Encodable {
        public var windowSeconds: Double
        public var messagesPerSecond: Double
        public var consumedPerSecond: Double
        public var articlesPerSecond: Double
        public var bytesPerSecond: Double
    }

    public struct Totals: Sendable, Hashable, Encodable {
        public var consumed: Int
        public var committed: Int
        public var produced: Int
        public var deadLettered: Int
        public var articles: Int
        public var bytesConsumed: Int
        public var retried: Int
        public var commitsRefused: Int
    }

    /// `/healthz` and `/readyz` as of the snapshot.
    public struct Check: Sendable, Hashable, Encodable {
        public var ok: Bool
        public var reason: String
    }

    public struct Health: Sendable, Hashable, Encodable {
        public var live: Check
        public var ready: Check
    }

    public var schema = "stats"
    public var schemaVersion = "2.0"
    public var generatedAt: String
    public var pipelineVersion: String
    public var uptimeSeconds: Double
    public var consumerGroup: String
    public var guarantee: String
    public var outputVersion: String
    public var topics: Topics
    public var health: Health
    public var partitions: [Partition]
    public var stages: Stages
    public var endToEnd: EndToEnd
    public var deadLetters: DeadLetters
    public var rebalances: Int
    public var producer: Producer
    public var brokers: [Broker]
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
