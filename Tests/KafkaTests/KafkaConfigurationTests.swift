import Testing
@testable import Kafka
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct KafkaConfigurationTests {
    @Test func consumerDefaultsSuitExplicitCommits() {
        let properties = KafkaConsumerConfiguration(bootstrapServers: "b:1", groupID: "g").librdkafkaProperties
        #expect(properties["enable.auto.commit"] == "false")
        #expect(properties["auto.offset.reset"] == "earliest")
        #expect(properties["group.id"] == "g")
        #expect(properties["partition.assignment.strategy"] == "cooperative-sticky")
    }

    @Test func producerIsIdempotentByDefault() {
        let properties = KafkaProducerConfiguration(bootstrapServers: "b:1").librdkafkaProperties
        #expect(properties["enable.idempotence"] == "true")
    }

    @Test func typedDurationsBecomeMilliseconds() {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: "b:1", groupID: "g")
        configuration.sessionTimeout = .seconds(6)
        configuration.maxPollInterval = .milliseconds(7500)
        let properties = configuration.librdkafkaProperties
        #expect(properties["session.timeout.ms"] == "6000")
        #expect(properties["max.poll.interval.ms"] == "7500")
    }

    @Test func rawPropertiesOverrideTypedFields() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: "b:1")
        configuration.properties["enable.idempotence"] = "false"
        #expect(configuration.librdkafkaProperties["enable.idempotence"] == "false")
    }

    @Test func unknownKeyIsAClearError() {
        var configuration = KafkaProducerConfiguration(bootstrapServers: "localhost:9092")
        configuration.properties["no.such.setting"] = "1"
        #expect {
            try KafkaProducer(configuration: configuration, logger: TestBroker.logger)
        } throws: { error in
            guard let error = error as? KafkaError else { return false }
            return error.code == .invalidArgument && error.message.contains("no.such.setting")
                && error.message.contains("No such configuration property")
        }
    }

    @Test func invalidValueIsAClearError() {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: "localhost:9092", groupID: "g")
        configuration.properties["session.timeout.ms"] = "soon"
        #expect {
            try KafkaConsumer(configuration: configuration, logger: TestBroker.logger)
        } throws: { error in
            (error as? KafkaError)?.message.contains("session.timeout.ms") == true
        }
    }
}
