import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Kafka

/// The Kafka layer's streaming parts on the embedded (mock) cluster: ticketed
/// sends reported to a handler, the `message.max.bytes` pre-check, null
/// values, errors sorted into kinds, and configuration errors that never show
/// a value.
@Suite(.timeLimit(.minutes(2)))
struct EmbeddedClusterStreamingTests {
    /// Collects delivery reports by ticket.
    final class Reports: Sendable {
        let byTicket = Mutex<[UInt64: KafkaDeliveryReport]>([:])
        func record(_ ticket: UInt64, _ report: KafkaDeliveryReport) { byTicket.withLock { $0[ticket] = report } }
        var count: Int { byTicket.withLock { $0.count } }
    }

    @Test func ticketedSendsReachTheHandlerWithTheirTickets() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        let reports = Reports()
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: TestBroker.logger) {
            reports.record($0, $1)
        }
        let tickets: [UInt64] = (0..<100).map { UInt64($0) * 7_919 + (1 << 60) }
        for (index, ticket) in tickets.enumerated() {
            try await producer.enqueue(KafkaProducerMessage(topic: topic, partition: 0, key: "k", value: "v\(index)"), ticket: ticket)
        }
        try await producer.flush()
        try await eventually("100 reports") { reports.count == 100 }
        let byTicket = reports.byTicket.withLock { $0 }
        #expect(Set(byTicket.keys) == Set(tickets))
        #expect(tickets.map { byTicket[$0]?.offset.rawValue } == (0..<100).map { Int64($0) }, "reports in send order")
        #expect(byTicket.values.allSatisfy { $0.isDelivered })
        await producer.close()
    }

    @Test func theSizePreCheckIsNeverSmallerThanLibrdkafkas() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        var configuration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.properties["message.max.bytes"] = "20000"
        let producer = try KafkaProducer(configuration: configuration, logger: TestBroker.logger) { _, _ in }
        #expect(producer.maxMessageBytes == 20000)
        let headers = [KafkaHeader(key: "newswire-source", string: "articles.raw/3/1207")]
        var refusedByLibrdkafka = 0
        for size in stride(from: 19_700, through: 20_100, by: 10) {
            let message = KafkaProducerMessage(topic: topic, partition: 0, key: Array("key".utf8), value: Array(repeating: 0x61, count: size), headers: headers)
            do {
                try await producer.enqueue(message, ticket: UInt64(size))
            } catch {
                #expect(error.code == .messageSizeTooLarge)
                #expect(error.kind == .recordRejected)
                #expect(producer.wireSize(of: message) > producer.maxMessageBytes, "librdkafka refused \(size) bytes the pre-check let through")
                refusedByLibrdkafka += 1
            }
        }
        #expect(refusedByLibrdkafka > 0, "the range crosses the limit")
        await producer.close()
    }

    @Test func nullAndEmptyValuesStayApart() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: TestBroker.logger)
        try await producer.send([
            KafkaProducerMessage(topic: topic, partition: 0, key: Array("tombstone".utf8), value: nil),
            KafkaProducerMessage(topic: topic, partition: 0, key: Array("empty".utf8), value: []),
        ]).delivered()
        var consumerConfiguration = KafkaConsumerConfiguration(bootstrapServers: cluster.bootstrapServers, groupID: TestNames.group())
        consumerConfiguration.sessionTimeout = .seconds(6)
        let consumer = try KafkaConsumer(configuration: consumerConfiguration, logger: TestBroker.logger)
        try consumer.subscribe(topics: [topic])
        let collected = try await ConsumerCollector.collect(consumer, count: 2)
        #expect(collected.messages.map(\.valueIsNull) == [true, false])
        #expect(collected.messages.allSatisfy { $0.value.isEmpty })
        await consumer.close()
        await producer.close()
    }

    @Test func errorsAreSortedIntoKinds() {
        #expect(KafkaErrorKind.classify(.messageSizeTooLarge) == .recordRejected)
        #expect(KafkaErrorKind.classify(.topicAuthorizationFailed) == .recordRejected)
        #expect(KafkaErrorKind.classify(.unknownTopicOrPartition) == .recordRejected)
        #expect(KafkaErrorKind.classify(.messageTimedOut) == .transient)
        #expect(KafkaErrorKind.classify(.notLeaderForPartition) == .transient)
        #expect(KafkaErrorKind.classify(.rebalanceInProgress) == .transient)
        #expect(KafkaErrorKind.classify(.queueFull) == .transient)
        #expect(KafkaErrorKind.classify(.illegalGeneration) == .membershipLost)
        #expect(KafkaErrorKind.classify(.unknownMemberID) == .membershipLost)
        #expect(KafkaErrorKind.classify(.producerFenced) == .fatal)
        #expect(KafkaErrorKind.classify(.notLeaderForPartition, isFatal: true) == .fatal)
    }

    @Test func aRejectedValueIsNeverShown() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: "127.0.0.1:9")
        configuration.properties["linger.ms"] = "hunter2-is-not-a-number"
        #expect {
            _ = try KafkaProducer(configuration: configuration, logger: TestBroker.logger)
        } throws: { error in
            let text = "\(error)"
            return text.contains("linger.ms") && !text.contains("hunter2")
        }
    }
}
