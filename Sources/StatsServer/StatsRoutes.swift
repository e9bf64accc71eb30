/// The HTTP paths the stats server answers, as DESIGN.md lists them.
public enum StatsRoutes {
    public static let dashboard = "/"
    public static let stats = "/stats"
    public static let metrics = "/metrics"
    public static let health = "/healthz"
    public static let ready = "/readyz"
}
