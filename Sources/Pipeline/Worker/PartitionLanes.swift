import Kafka

/// Runs the stages over a batch with one lane per partition: lanes run
/// concurrently in a task group, each lane takes its partition's messages in
/// offset order, and the results come back in the batch's order so outputs
/// are published in partition order.
enum PartitionLanes {
    static func process(_ batch: [KafkaMessage], with processor: MessageProcessor) async -> [ProcessedMessage] {
        var lanes: [KafkaTopicPartition: [Int]] = [:]
        for (index, message) in batch.enumerated() {
            lanes[message.topicPartition, default: []].append(index)
        }
        if lanes.count == 1 {
            return batch.map(processor.process)
        }
        var results = [ProcessedMessage?](repeating: nil, count: batch.count)
        await withTaskGroup(of: [(Int, ProcessedMessage)].self) { group in
            for indices in lanes.values {
                group.addTask {
                    indices.map { ($0, processor.process(batch[$0])) }
                }
            }
            for await lane in group {
                for (index, processed) in lane {
                    results[index] = processed
                }
            }
        }
        return results.map { $0! }
    }
}
