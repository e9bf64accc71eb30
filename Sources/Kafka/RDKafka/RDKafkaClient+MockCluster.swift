import Crdkafka

/// librdkafka's mock cluster (`rdkafka_mock.h`), created on this client's handle.
///
/// Sendable proof for `@unchecked`: the cluster pointer is immutable; the
/// `rd_kafka_mock_*` functions hand each operation to the cluster's own
/// thread through a queue, so they may be called from any thread. The owning
/// client is kept alive by this value, and `destroy()` is called once by its owner.
struct RDKafkaMockCluster: @unchecked Sendable {
    let client: RDKafkaClient
    let pointer: OpaquePointer

    init(client: RDKafkaClient, brokers: Int) throws(KafkaError) {
        guard let pointer = rd_kafka_mock_cluster_new(client.handle, Int32(brokers)) else {
            throw KafkaError.invalidArgument("librdkafka could not start a mock cluster of \(brokers) brokers")
        }
        self.client = client
        self.pointer = pointer
    }

    var bootstrapServers: String { String(cString: rd_kafka_mock_cluster_bootstraps(pointer)) }

    func destroy() { rd_kafka_mock_cluster_destroy(pointer) }

    func createTopic(_ name: String, partitions: Int, replicationFactor: Int) -> KafkaError? {
        check(rd_kafka_mock_topic_create(pointer, name, Int32(partitions), Int32(replicationFactor)))
    }

    func setBrokerDown(_ broker: Int32) -> KafkaError? { check(rd_kafka_mock_broker_set_down(pointer, broker)) }

    func setBrokerUp(_ broker: Int32) -> KafkaError? { check(rd_kafka_mock_broker_set_up(pointer, broker)) }

    func setRoundTripTime(broker: Int32, milliseconds: Int) -> KafkaError? {
        check(rd_kafka_mock_broker_set_rtt(pointer, broker, Int32(milliseconds)))
    }

    func setPartitionLeader(topic: String, partition: Int32, broker: Int32) -> KafkaError? {
        check(rd_kafka_mock_partition_set_leader(pointer, topic, partition, broker))
    }

    func setCoordinator(group: String, broker: Int32) -> KafkaError? {
        check(rd_kafka_mock_coordinator_set(pointer, "group", group, broker))
    }

    /// The next `errors.count` requests of `apiKey` (to any broker) fail with these codes, in order.
    func pushRequestErrors(apiKey: Int16, errors: [KafkaErrorCode]) {
        var codes = errors.map { rd_kafka_resp_err_t(rawValue: $0.rawValue) }
        rd_kafka_mock_push_request_errors_array(pointer, apiKey, codes.count, &codes)
    }

    func setTopicError(_ topic: String, error: KafkaErrorCode) {
        rd_kafka_mock_topic_set_error(pointer, topic, rd_kafka_resp_err_t(rawValue: error.rawValue))
    }

    private func check(_ result: rd_kafka_resp_err_t) -> KafkaError? {
        result == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : RDKafkaClient.error(result)
    }
}
