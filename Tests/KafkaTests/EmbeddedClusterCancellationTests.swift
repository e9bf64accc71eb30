import Dispatch
import Testing
@testable import Kafka
import TestSupport

/// A producer's waits end when the task is cancelled: with the broker
/// answering after 20 s nothing is delivered and no event wakes the producer.
/// The waiting `enqueue` throws the queue-full error, and `close` stops
/// flushing, instead of waiting for the broker.
@Suite(.timeLimit(.minutes(1))) struct EmbeddedClusterCancellationTests {
    @Test func aCancelledEnqueueIntoAFullQueueReturns() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        var configuration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        configuration.maxQueuedMessages = 1
        let producer = try KafkaProducer(configuration: configuration, logger: TestBroker.logger) { _, _ in }
        try cluster.setRoundTripTime(broker: 1, milliseconds: 20_000)
        try await producer.enqueue(KafkaProducerMessage(topic: topic, partition: 0, key: "k", value: "first"), ticket: 1)
        let returned = DispatchSemaphore(value: 0)
        let thrown = try await withThrowingTaskGroup(of: KafkaError?.self) { tasks in
            tasks.addTask {
                defer { returned.signal() }
                do {
                    try await producer.enqueue(KafkaProducerMessage(topic: topic, partition: 0, key: "k", value: "second"), ticket: 2)
                    return nil
                } catch let error as KafkaError {
                    return error
                }
            }
            try await eventually("the second enqueue to wait for room") { producer.waitsForRoom }
            tasks.cancelAll()
            let inTime = await returned.signalled(within: .seconds(5))
            // A wait that ignored the cancel ends with the broker's answer, so a failure fails instead of hanging.
            #expect(inTime, "a cancelled enqueue stops waiting for room")
            return try await tasks.next() ?? nil
        }
        #expect(thrown?.code == .queueFull)
        try cluster.setRoundTripTime(broker: 1, milliseconds: 0)
        await producer.close(timeout: .seconds(30))
    }

    @Test func aCancelledCloseStopsFlushing() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestBroker.logger)
        let topic = TestNames.topic()
        try cluster.createTopic(topic, partitions: 1)
        let producer = try KafkaProducer(
            configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: TestBroker.logger
        ) { _, _ in }
        try cluster.setRoundTripTime(broker: 1, milliseconds: 20_000)
        try await producer.enqueue(KafkaProducerMessage(topic: topic, partition: 0, key: "k", value: "undelivered"), ticket: 1)
        // Timed from inside the closing task, so that a cooperative pool busy
        // with the other suites (which delays the task's start) does not count:
        // a flush that ignored the cancel would take the broker's 20 s or the 40 s timeout.
        let took = try await withThrowingTaskGroup(of: Duration.self) { tasks in
            tasks.addTask {
                let started = ContinuousClock.now
                await producer.close(timeout: .seconds(40))
                return .now - started
            }
            tasks.cancelAll()
            return try await tasks.next() ?? .zero
        }
        #expect(took < .seconds(15), "a cancelled close stops flushing (it took \(took))")
        try cluster.setRoundTripTime(broker: 1, milliseconds: 0)
    }
}
