/// Every Prometheus metric the worker exposes at `/metrics`, with its help
/// text. The worker records them through swift-metrics by these names;
/// swift-metrics carries no help text, so the metrics factory behind
/// `/metrics` takes it from here (Prometheus tooling, `promtool check
/// metrics` among it, wants one per metric).
public enum MetricCatalog {
    /// One metric: its name and what it measures.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var help: String
    }

    // Counters, incremented as the work happens.
    public static let records = Entry(
        name: "newswire_records_total",
        help: "Input messages that left a stage (normalise, parse, enrich, publish): outcome ok, or failed (dead-lettered by that stage). publish ok means every output or dead letter of the message was acknowledged."
    )
    public static let deadLetters = Entry(
        name: "newswire_dead_letters_total", help: "Input messages sent to the dead-letter topic, by the stage that rejected them and the dead-letter code."
    )
    public static let consumed = Entry(name: "newswire_messages_consumed_total", help: "Input messages taken from the brokers.")
    public static let committed = Entry(
        name: "newswire_messages_committed_total", help: "Input messages whose offsets were committed after every output was acknowledged."
    )
    public static let commits = Entry(name: "newswire_offsets_committed_total", help: "Partition offsets committed (one per partition per commit).")
    public static let articles = Entry(name: "newswire_articles_total", help: "Articles found in the input messages (an input can hold several).")
    public static let produced = Entry(name: "newswire_records_produced_total", help: "Output records and dead letters the brokers acknowledged.")
    public static let bytes = Entry(name: "newswire_bytes_consumed_total", help: "Bytes of input message values and keys taken from the brokers.")
    public static let retried = Entry(name: "newswire_records_retried_total", help: "Output records sent again after a transient delivery failure.")
    public static let commitsRefused = Entry(name: "newswire_commits_refused_total", help: "Offset commits the group coordinator refused.")
    public static let rebalances = Entry(
        name: "newswire_rebalances_total", help: "Rebalance events this worker took part in: partitions assigned, revoked or lost."
    )

    // Histograms, observed as the work happens.
    public static let stageDuration = Entry(
        name: "newswire_stage_duration_seconds",
        help: "Time an input message spent in a stage; publish runs from the end of the stages to the last output acknowledged."
    )
    public static let endToEnd = Entry(
        name: "newswire_end_to_end_latency_seconds",
        help: "Time from an input message's timestamp to the acknowledgement of its last output (its enriched records included)."
    )

    // Gauges, set from the /stats document at each scrape.
    public static let stageInFlight = Entry(name: "newswire_stage_in_flight", help: "Input messages in a stage right now.")
    public static let lag = Entry(
        name: "newswire_consumer_lag", help: "Messages of an assigned input partition not yet committed: end offset minus committed offset."
    )
    public static let endOffset = Entry(name: "newswire_partition_end_offset", help: "End offset (high watermark) of an assigned input partition.")
    public static let committedOffset = Entry(
        name: "newswire_partition_committed_offset", help: "Committed offset of the group on an assigned input partition."
    )
    public static let paused = Entry(
        name: "newswire_partition_paused", help: "1 while fetching from an assigned input partition is paused because its work is over the in-flight bounds."
    )
    public static let inFlightMessages = Entry(name: "newswire_in_flight_messages", help: "Input messages taken and not yet done.")
    public static let inFlightBytes = Entry(name: "newswire_in_flight_bytes", help: "Bytes of input and output held for messages not yet done.")
    public static let producerQueueMessages = Entry(
        name: "newswire_producer_queue_messages", help: "Messages waiting in the producer's queue, from librdkafka's statistics."
    )
    public static let producerQueueBytes = Entry(
        name: "newswire_producer_queue_bytes", help: "Bytes waiting in the producer's queue, from librdkafka's statistics."
    )
    public static let brokerRoundTrip = Entry(
        name: "newswire_broker_rtt_seconds", help: "Average round trip of the producer's requests to a broker, from librdkafka's statistics."
    )
    public static let healthy = Entry(name: "newswire_healthy", help: "1 while /healthz answers ok; 0 after a fatal error, an eviction or a stall.")
    public static let ready = Entry(name: "newswire_ready", help: "1 while /readyz answers ok: in the group with partitions, a broker reachable, not draining.")

    public static let all: [Entry] = [
        records, deadLetters, consumed, committed, commits, articles, produced, bytes, retried, commitsRefused, rebalances,
        stageDuration, endToEnd,
        stageInFlight, lag, endOffset, committedOffset, paused, inFlightMessages, inFlightBytes,
        producerQueueMessages, producerQueueBytes, brokerRoundTrip, healthy, ready,
    ]

    /// The help text of `name`.
    public static func help(for name: String) -> String? {
        helpByName[name]
    }

    private static let helpByName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0.help) })

    /// Histogram buckets (seconds) for the duration histograms: stages take
    /// from well under a millisecond to seconds; end to end includes waiting
    /// in the input topic, so it reaches minutes.
    public static let durationBuckets: [String: [Duration]] = [
        stageDuration.name: [
            .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5),
            .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
            .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
        ],
        endToEnd.name: [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250),
            .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10), .seconds(30), .seconds(60),
            .seconds(300), .seconds(900), .seconds(3600),
        ],
    ]
}
