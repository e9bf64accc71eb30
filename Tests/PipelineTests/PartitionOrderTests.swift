import Kafka
import Testing
@testable import Pipeline
import TestSupport

@Suite(.timeLimit(.minutes(5))) struct PartitionOrderTests {
    @Test func commitsOnePastTheLastMessageOfEachPartition() {
        let batch = [
            KafkaMessage(topic: "a", partition: 1, offset: KafkaOffset(7), key: nil, value: []),
            KafkaMessage(topic: "a", partition: 0, offset: KafkaOffset(3), key: nil, value: []),
            KafkaMessage(topic: "a", partition: 1, offset: KafkaOffset(8), key: nil, value: []),
            KafkaMessage(topic: "a", partition: 0, offset: KafkaOffset(4), key: nil, value: []),
        ]
        let offsets = BatchHandler.nextOffsets(of: batch)
        #expect(offsets.map(\.partition) == [0, 1])
        #expect(offsets.map(\.offset.rawValue) == [5, 9])
    }

    @Test func lanesReturnResultsInBatchOrder() async {
        let batch = (0..<40).map { index in
            KafkaMessage(
                topic: "in", partition: Int32(index % 4), offset: KafkaOffset(Int64(index)), key: nil,
                value: Array("Headline \(index)\nBody text number \(index) about the council meeting.".utf8)
            )
        }
        let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        let results = await PartitionLanes.process(batch, with: processor)
        #expect(results.map(\.input.offset) == batch.map(\.offset))
    }
}
