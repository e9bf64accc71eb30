import Foundation
import Testing
@testable import Kafka
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct KafkaStatisticsTests {
    /// A trimmed report in librdkafka's format (STATISTICS.md), written for this test.
    static let sample = """
        {"name":"rdkafka#consumer-1","client_id":"rdkafka","type":"consumer","ts":1700000000000000,
         "replyq":3,"msg_cnt":12,"msg_size":2048,"txmsgs":5,"rxmsgs":900,
         "brokers":{"127.0.0.1:9092/1":{"name":"127.0.0.1:9092/1","nodeid":1,"state":"UP",
            "outbuf_cnt":2,"waitresp_cnt":1,"rtt":{"min":100,"max":900,"avg":350,"p99":880,"cnt":7}},
           "GroupCoordinator":{"name":"GroupCoordinator","nodeid":-1,"state":"UP","rtt":{"avg":0,"cnt":0}}},
         "topics":{"news":{"topic":"news","partitions":{
            "0":{"partition":0,"leader":1,"msgq_cnt":0,"fetchq_cnt":40,"hi_offset":500,"app_offset":450,
                 "committed_offset":400,"consumer_lag":50},
            "1":{"partition":1,"leader":1,"hi_offset":10,"app_offset":-1001,"committed_offset":-1001,"consumer_lag":-1},
            "-1":{"partition":-1,"leader":-1}}}},
         "cgrp":{"state":"up","join_state":"steady","rebalance_cnt":2,"assignment_size":2}}
        """

    @Test func decodesQueuesBrokersLagAndGroup() throws {
        let statistics = try KafkaStatistics(json: Data(Self.sample.utf8))
        #expect(statistics.type == "consumer")
        #expect(statistics.queuedMessages == 12)
        #expect(statistics.replyQueueLength == 3)
        let broker = try #require(statistics.brokers.first { $0.nodeID == 1 })
        #expect(broker.roundTripAverageMicroseconds == 350)
        #expect(broker.roundTripP99Microseconds == 880)
        #expect(statistics.brokers.first { $0.name == "GroupCoordinator" }?.roundTripAverageMicroseconds == nil)
        #expect(statistics.partitions.map(\.partition) == [0, 1])
        #expect(statistics.partitions[0].consumerLag == 50)
        #expect(statistics.partitions[0].fetchQueueMessages == 40)
        #expect(statistics.partitions[1].consumerLag == nil)
        #expect(statistics.partitions[1].committedOffset == nil)
        #expect(statistics.totalConsumerLag == 50)
        #expect(statistics.group?.rebalanceCount == 2)
    }
}
