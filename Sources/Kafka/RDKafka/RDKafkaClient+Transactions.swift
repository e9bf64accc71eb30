import Crdkafka

/// The transactional producer calls. All block; call them through `BlockingCall`.
extension RDKafkaClient {
    func initTransactions(timeout: Duration) -> KafkaError? {
        rd_kafka_init_transactions(handle, Self.milliseconds(timeout)).map(Self.consume(error:))
    }

    func beginTransaction() -> KafkaError? {
        rd_kafka_begin_transaction(handle).map(Self.consume(error:))
    }

    func sendOffsetsToTransaction(_ offsets: [KafkaPartitionOffset], consumer: RDKafkaClient, timeout: Duration) -> KafkaError? {
        guard let metadata = rd_kafka_consumer_group_metadata(consumer.handle) else {
            return KafkaError.invalidArgument("the consumer has no group metadata (is group.id set?)")
        }
        defer { rd_kafka_consumer_group_metadata_destroy(metadata) }
        let list = Self.makeList(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        return rd_kafka_send_offsets_to_transaction(handle, list, metadata, Self.milliseconds(timeout)).map(Self.consume(error:))
    }

    func commitTransaction(timeout: Duration) -> KafkaError? {
        rd_kafka_commit_transaction(handle, Self.milliseconds(timeout)).map(Self.consume(error:))
    }

    func abortTransaction(timeout: Duration) -> KafkaError? {
        rd_kafka_abort_transaction(handle, Self.milliseconds(timeout)).map(Self.consume(error:))
    }
}
