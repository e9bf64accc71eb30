import Crdkafka

/// Conversions between `rd_kafka_topic_partition_list_t` and Swift values.
extension RDKafkaClient {
    static func makeList(_ offsets: [KafkaPartitionOffset]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        let list = rd_kafka_topic_partition_list_new(Int32(max(1, offsets.count)))!
        for item in offsets {
            let element = rd_kafka_topic_partition_list_add(list, item.topic, item.partition)!
            element.pointee.offset = item.offset.rawValue
        }
        return list
    }

    static func makeList(_ partitions: [KafkaTopicPartition]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        makeList(partitions.map { KafkaPartitionOffset(topicPartition: $0, offset: .invalid) })
    }

    static func read(_ list: UnsafePointer<rd_kafka_topic_partition_list_t>?) -> [KafkaPartitionOffset] {
        guard let list, let elements = list.pointee.elems else { return [] }
        return (0..<Int(list.pointee.cnt)).map { index in
            let element = elements[index]
            return KafkaPartitionOffset(
                topicPartition: KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition),
                offset: KafkaOffset(element.offset),
                error: element.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : error(element.err)
            )
        }
    }

    /// The first per-partition error in `list`, if any.
    static func firstError(_ list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> KafkaError? {
        read(list).first { $0.error != nil }?.error
    }
}
