/// The consumer group part of a statistics report.
public struct KafkaGroupStatistics: Sendable, Hashable {
    /// `up`, `wait-coord`, …
    public var state: String
    /// `steady`, `wait-join`, …
    public var joinState: String
    public var rebalanceCount: Int64
    public var assignmentSize: Int64

    init(raw: RDKafkaStatisticsJSON.Group) {
        state = raw.state ?? ""
        joinState = raw.join_state ?? ""
        rebalanceCount = raw.rebalance_cnt ?? 0
        assignmentSize = raw.assignment_size ?? 0
    }
}
