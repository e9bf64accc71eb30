import Metrics
import Prometheus

/// swift-metrics goes to one Prometheus registry per process, which
/// `/metrics` serves. Bootstrapping twice is a programming error in
/// swift-metrics, so every command goes through this one value.
enum MetricsSetup {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
