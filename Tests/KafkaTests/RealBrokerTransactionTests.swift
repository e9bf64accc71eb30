import Foundation
import Testing
@testable import Kafka
import TestSupport

/// The transactions API against a real broker (Tansu). Tansu stores consumer
/// offsets sent in a committed transaction and drops those of an aborted one,
/// which is what these tests check, with a transaction after the abort to show
/// that the abort ended its transaction; it does not hide aborted records from
/// `read_committed` readers, so that part of the guarantee is not tested here
/// (and the mock cluster implements neither).
@Suite(.needsRealBroker, .timeLimit(.minutes(3)))
struct RealBrokerTransactionTests {
    @Test func committedTransactionStoresOffsetsAndAbortedOneDoesNot() async throws {
        let input = TestNames.topic("input")
        let output = TestNames.topic("output")
        let group = TestNames.group()
        try await TestTopics.create(input, partitions: 1)
        try await TestTopics.create(output, partitions: 1)
        let plain = try TestTopics.producer()
        try await TestTopics.fill(input, partitions: 1, count: 10, producer: plain)

        let consumer = try TestTopics.consumer(group: group)
        try consumer.subscribe(topics: [input])
        let messages = try await ConsumerCollector.collect(consumer, count: 10).messages
        let partition = KafkaTopicPartition(topic: input, partition: 0)

        let producer = try TestTopics.producer { $0.transactionalID = "txn-\(UUID().uuidString)" }
        try await producer.initTransactions()

        try producer.beginTransaction()
        let firstHalf = messages[0..<5].map { KafkaProducerMessage(topic: output, partition: 0, key: $0.key, value: $0.value) }
        try await producer.send(firstHalf).delivered()
        try await producer.sendOffsetsToTransaction([messages[4].commitOffset], consumer: consumer)
        try await producer.commitTransaction()
        #expect(try await consumer.committed([partition]).map(\.offset) == [KafkaOffset(5)])

        try producer.beginTransaction()
        let secondHalf = messages[5..<10].map { KafkaProducerMessage(topic: output, partition: 0, key: $0.key, value: $0.value) }
        try await producer.send(secondHalf).delivered()
        try await producer.sendOffsetsToTransaction([messages[9].commitOffset], consumer: consumer)
        try await producer.abortTransaction()
        #expect(try await consumer.committed([partition]).map(\.offset) == [KafkaOffset(5)])

        // The abort ended the transaction: a new one can begin, and what it
        // commits is stored (an abort that did nothing would leave the second
        // transaction open, and beginning a third would fail).
        try producer.beginTransaction()
        try await producer.send([KafkaProducerMessage(topic: output, partition: 0, key: messages[5].key, value: messages[5].value)]).delivered()
        try await producer.sendOffsetsToTransaction([messages[5].commitOffset], consumer: consumer)
        try await producer.commitTransaction()
        #expect(try await consumer.committed([partition]).map(\.offset) == [KafkaOffset(6)])

        await consumer.close()
        await producer.close()
        await plain.close()
    }
}
