import Testing
@testable import Kafka
import TestSupport

@Suite(.timeLimit(.minutes(1))) struct LibrdkafkaVersionTests {
    @Test func reportsTheLoadedLibrary() {
        #expect(LibrdkafkaVersion.string.split(separator: ".").count >= 3)
        #expect(LibrdkafkaVersion.number > 0x0100_0000)
    }
}
