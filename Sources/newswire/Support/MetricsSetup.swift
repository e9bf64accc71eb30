import Metrics
import Prometheus
import StatsServer

/// swift-metrics goes to one Prometheus registry per process, which
/// `/metrics` serves, with help texts from the worker's metric catalog.
/// Bootstrapping twice is a programming error in swift-metrics, so every
/// command goes through this one value.
enum MetricsSetup {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(CatalogMetricsFactory(registry: registry))
        return registry
    }()
}
