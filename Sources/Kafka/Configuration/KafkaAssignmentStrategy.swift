/// How a group splits partitions among members (`partition.assignment.strategy`).
///
/// Cooperative-sticky moves only the partitions that must move, so the other
/// members keep working through a rebalance; range and round-robin are
/// "eager": every member gives up everything and gets a new assignment.
public enum KafkaAssignmentStrategy: String, Sendable {
    case cooperativeSticky = "cooperative-sticky"
    case range
    case roundRobin = "roundrobin"
}
