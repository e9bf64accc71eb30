import Pipeline
import Prometheus
import Synchronization

/// The gauges of `/metrics` — lag and offsets per partition, paused
/// partitions, work in each stage and in flight, the producer's queue,
/// broker round trips, health — set from the `/stats` document at each
/// scrape, so the two endpoints always agree and the worker's hot path never
/// updates a gauge. A partition or broker that disappeared from the document
/// (revoked, say) has its series removed rather than left at its last value.
final class ScrapeGauges: Sendable {
    private struct Series: Hashable {
        var name: String
        var labels: [String]
    }

    private let registry: PrometheusCollectorRegistry
    /// What the last scrape set, to remove what this one does not.
    private let current = Mutex<[Series: Gauge]>([:])

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func update(from document: StatsDocument) {
        var values: [(MetricCatalog.Entry, [(String, String)], Double)] = []
        func set(_ entry: MetricCatalog.Entry, _ labels: [(String, String)] = [], _ value: Double) {
            values.append((entry, labels, value))
        }
        for partition in document.partitions {
            let labels = [("topic", partition.topic), ("partition", "\(partition.partition)")]
            if let lag = partition.lag { set(MetricCatalog.lag, labels, Double(lag)) }
            if let end = partition.end { set(MetricCatalog.endOffset, labels, Double(end)) }
            if let committed = partition.committed { set(MetricCatalog.committedOffset, labels, Double(committed)) }
            set(MetricCatalog.paused, labels, partition.paused ? 1 : 0)
        }
        let stages = document.stages
        for (name, stage) in [("normalise", stages.normalise), ("parse", stages.parse), ("enrich", stages.enrich), ("publish", stages.publish)] {
            set(MetricCatalog.stageInFlight, [("stage", name)], Double(stage.inFlight))
        }
        set(MetricCatalog.inFlightMessages, [], Double(document.inFlight.messages))
        set(MetricCatalog.inFlightBytes, [], Double(document.inFlight.bytes))
        if let queued = document.producer.queuedMessages { set(MetricCatalog.producerQueueMessages, [], Double(queued)) }
        if let queued = document.producer.queuedBytes { set(MetricCatalog.producerQueueBytes, [], Double(queued)) }
        for broker in document.brokers {
            if let rtt = broker.rttAverage { set(MetricCatalog.brokerRoundTrip, [("broker", broker.name)], rtt) }
        }
        set(MetricCatalog.healthy, [], document.health.live.ok ? 1 : 0)
        set(MetricCatalog.ready, [], document.health.ready.ok ? 1 : 0)
        apply(values)
    }

    private func apply(_ values: [(MetricCatalog.Entry, [(String, String)], Double)]) {
        current.withLock { current in
            var next: [Series: Gauge] = [:]
            for (entry, labels, value) in values {
                let series = Series(name: entry.name, labels: labels.flatMap { [$0.0, $0.1] })
                let gauge = current[series] ?? registry.makeGauge(name: entry.name, labels: labels, help: entry.help)
                gauge.set(value)
                next[series] = gauge
            }
            for (series, gauge) in current where next[series] == nil {
                registry.unregisterGauge(gauge)
            }
            current = next
        }
    }
}
