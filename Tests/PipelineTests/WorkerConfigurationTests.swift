import Kafka
import Testing
import TestSupport
@testable import Pipeline

/// The settings a worker hands its clients (issue 8, items 6 and 7): static
/// membership from `--instance-id`, offsets stored and committed only by the
/// worker whatever the properties say, and the producer's message timeout
/// below the shutdown grace.
@Suite(.timeLimit(.minutes(1)))
struct WorkerConfigurationTests {
    private func worker(_ edit: (inout WorkerConfiguration) -> Void) -> ArticleWorker {
        var configuration = WorkerConfiguration(
            bootstrapServers: "127.0.0.1:9092", group: "g", inputTopics: ["articles.raw"],
            processor: MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        )
        edit(&configuration)
        return ArticleWorker(configuration: configuration, logger: quietLogger("test.configuration"))
    }

    @Test func theInstanceIDBecomesStaticMembership() {
        #expect(worker { $0.instanceID = "newswire-7f9c-2" }.consumerConfiguration.properties["group.instance.id"] == "newswire-7f9c-2")
        #expect(worker { _ in }.consumerConfiguration.properties["group.instance.id"] == nil)
    }

    @Test func autoCommitAndOffsetStoreStayOffWhateverThePropertiesSay() {
        let consumer = worker { $0.kafkaProperties = ["enable.auto.commit": "true", "enable.auto.offset.store": "true"] }.consumerConfiguration
        #expect(consumer.properties["enable.auto.commit"] == "false")
        #expect(consumer.properties["enable.auto.offset.store"] == "false")
    }

    @Test func theMessageTimeoutIsBelowTheShutdownGrace() {
        let producer = worker { $0.shutdownGrace = .seconds(30) }.producerConfiguration
        #expect(producer.messageTimeout.map { $0 < .seconds(30) } == true, "\(String(describing: producer.messageTimeout))")
    }
}
