/// One broker connection in a statistics report: its state, request queues
/// round-trip times and requests sent by type.
public struct KafkaBrokerStatistics: Sendable, Hashable {
    public var name: String
    public var nodeID: Int32
    /// `UP`, `DOWN`, `INIT`, …
    public var state: String
    /// Requests waiting to be sent / waiting for a response.
    public var outputBufferRequests: Int64
    public var waitingResponses: Int64
    /// Round trip in microseconds over the last window (`rtt`), `nil` before any request.
    public var roundTripAverageMicroseconds: Int64?
    public var roundTripP99Microseconds: Int64?
    /// Requests sent to this broker so far, by request type (`req`:
    /// `OffsetCommit`, `Produce`, `Fetch`, …).
    public var requests: [String: Int64]

    init(raw: RDKafkaStatisticsJSON.Broker) {
        name = raw.name
        nodeID = raw.nodeid ?? -1
        state = raw.state ?? ""
        outputBufferRequests = raw.outbuf_cnt ?? 0
        waitingResponses = raw.waitresp_cnt ?? 0
        let samples = raw.rtt?.cnt ?? 0
        roundTripAverageMicroseconds = samples > 0 ? raw.rtt?.avg : nil
        roundTripP99Microseconds = samples > 0 ? raw.rtt?.p99 : nil
        requests = raw.req ?? [:]
    }
}
