/// The subset of librdkafka's statistics JSON (see its STATISTICS.md) that
/// `KafkaStatistics` reads; field names are librdkafka's.
struct RDKafkaStatisticsJSON: Decodable {
    struct Window: Decodable {
        var avg: Int64?
        var p99: Int64?
        var cnt: Int64?
    }

    struct Broker: Decodable {
        var name: String
        var nodeid: Int32?
        var state: String?
        var outbuf_cnt: Int64?
        var waitresp_cnt: Int64?
        var rtt: Window?
        var req: [String: Int64]?
    }

    struct Partition: Decodable {
        var partition: Int32
        var leader: Int32?
        var msgq_cnt: Int64?
        var fetchq_cnt: Int64?
        var hi_offset: Int64?
        var app_offset: Int64?
        var committed_offset: Int64?
        var consumer_lag: Int64?
    }

    struct Topic: Decodable {
        var topic: String
        var partitions: [String: Partition]?
    }

    struct Group: Decodable {
        var state: String?
        var join_state: String?
        var rebalance_cnt: Int64?
        var assignment_size: Int64?
    }

    var name: String
    var type: String
    var ts: Int64?
    var replyq: Int64?
    var msg_cnt: Int64?
    var msg_size: Int64?
    var txmsgs: Int64?
    var rxmsgs: Int64?
    var brokers: [String: Broker]?
    var topics: [String: Topic]?
    var cgrp: Group?
}
