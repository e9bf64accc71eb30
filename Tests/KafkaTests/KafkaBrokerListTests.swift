import Testing
@testable import Kafka
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct KafkaBrokerListTests {
    @Test func parsesHostsAndPorts() throws {
        let list = try KafkaBrokerList(parsing: " localhost:9092, broker-2.example:19093 ")
        #expect(list.addresses.map(\.host) == ["localhost", "broker-2.example"])
        #expect(list.addresses.map(\.port) == [9092, 19093])
        #expect(list.description == "localhost:9092,broker-2.example:19093")
    }

    @Test func acceptsSchemesAndIPv6() throws {
        let list = try KafkaBrokerList(parsing: "PLAINTEXT://10.0.0.1:9092,[::1]:9093")
        #expect(list.description == "10.0.0.1:9092,[::1]:9093")
    }

    @Test(arguments: [
        ("", "empty"),
        ("localhost", "has no port"),
        ("localhost:", "is not a port number"),
        ("localhost:99999", "is not a port number"),
        ("localhost:9092,", "empty entry"),
        (":9092", "no valid host"),
        ("local host:9092", "no valid host"),
    ])
    func rejectsWithOneClearSentence(input: String, problem: String) {
        #expect {
            try KafkaBrokerList(parsing: input)
        } throws: { error in
            let message = (error as? KafkaError)?.message ?? ""
            return message.contains(problem) && message.contains("expected host:port")
        }
    }
}
