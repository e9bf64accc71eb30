import Testing
@testable import Kafka

@Suite struct LibrdkafkaVersionTests {
    @Test func reportsTheLoadedLibrary() {
        #expect(LibrdkafkaVersion.string.split(separator: ".").count >= 3)
        #expect(LibrdkafkaVersion.number > 0x0100_0000)
    }
}
