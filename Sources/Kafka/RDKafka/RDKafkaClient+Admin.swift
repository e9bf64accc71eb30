import Crdkafka

/// Cluster metadata and the Admin API. Both block; call through `BlockingCall`.
extension RDKafkaClient {
    /// Brokers and all topics, or with `topic` only that topic. Asking for
    /// one topic creates its local handle first, so its partitions are handed
    /// to their leaders' broker threads while the request is in flight.
    func metadata(timeout: Duration, topic name: String? = nil) -> Result<KafkaClusterMetadata, KafkaError> {
        let topicHandle = name.map { rd_kafka_topic_new(handle, $0, nil) } ?? nil
        defer { if let topicHandle { rd_kafka_topic_destroy(topicHandle) } }
        var pointer: UnsafePointer<rd_kafka_metadata>?
        let result = rd_kafka_metadata(handle, topicHandle == nil ? 1 : 0, topicHandle, &pointer, Self.milliseconds(timeout))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata = pointer?.pointee else {
            return .failure(Self.error(result))
        }
        defer { rd_kafka_metadata_destroy(pointer) }
        let brokers = (0..<Int(metadata.broker_cnt)).map { index in
            let broker = metadata.brokers[index]
            return KafkaBrokerMetadata(id: broker.id, host: String(cString: broker.host), port: Int(broker.port))
        }
        let topics = (0..<Int(metadata.topic_cnt)).map { index in
            let topic = metadata.topics[index]
            let partitions = (0..<Int(topic.partition_cnt)).map { partitionIndex in
                let partition = topic.partitions[partitionIndex]
                return KafkaPartitionMetadata(
                    id: partition.id,
                    leader: partition.leader,
                    replicas: Array(UnsafeBufferPointer(start: partition.replicas, count: Int(partition.replica_cnt))),
                    inSyncReplicas: Array(UnsafeBufferPointer(start: partition.isrs, count: Int(partition.isr_cnt))),
                    error: partition.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(partition.err)
                )
            }
            return KafkaTopicMetadata(
                name: String(cString: topic.topic),
                partitions: partitions.sorted { $0.id < $1.id },
                error: topic.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(topic.err)
            )
        }
        return .success(KafkaClusterMetadata(brokers: brokers, topics: topics, originatingBrokerID: metadata.orig_broker_id))
    }

    /// CreateTopics; per-topic failures are returned by topic name.
    func createTopics(_ topics: [KafkaNewTopic], timeout: Duration) -> Result<[String: KafkaError], KafkaError> {
        var errorText = [CChar](repeating: 0, count: RDKafkaConstants.errorStringSize)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for topic in topics {
            guard let newTopic = rd_kafka_NewTopic_new(topic.name, Int32(topic.partitions), Int32(topic.replicationFactor), &errorText, errorText.count)
            else {
                return .failure(.invalidArgument("cannot create topic '\(topic.name)': \(Self.string(errorText))"))
            }
            newTopics.append(newTopic)
            for (key, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let result = rd_kafka_NewTopic_set_config(newTopic, key, value)
                if result != RD_KAFKA_RESP_ERR_NO_ERROR {
                    return .failure(Self.error(result, message: "topic '\(topic.name)' config \(key)=\(value) rejected"))
                }
            }
        }
        let queue = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_request_timeout(options, Self.milliseconds(timeout), &errorText, errorText.count)
        rd_kafka_AdminOptions_set_operation_timeout(options, Self.milliseconds(timeout), &errorText, errorText.count)
        rd_kafka_CreateTopics(handle, &newTopics, newTopics.count, options, queue)

        // The request times out by itself (request timeout); allow a little more.
        guard let event = rd_kafka_queue_poll(queue, Self.milliseconds(timeout) + 2000) else {
            return .failure(Self.error(RD_KAFKA_RESP_ERR__TIMED_OUT, message: "CreateTopics got no answer within \(timeout)"))
        }
        defer { rd_kafka_event_destroy(event) }
        let eventError = rd_kafka_event_error(event)
        if eventError != RD_KAFKA_RESP_ERR_NO_ERROR {
            return .failure(Self.error(eventError, message: String(cString: rd_kafka_event_error_string(event))))
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else {
            return .failure(Self.error(RD_KAFKA_RESP_ERR__FAIL, message: "CreateTopics returned an unexpected event"))
        }
        var count = 0
        var failures: [String: KafkaError] = [:]
        if let results = rd_kafka_CreateTopics_result_topics(result, &count) {
            for index in 0..<count {
                let topicResult = results[index]
                let code = rd_kafka_topic_result_error(topicResult)
                if code != RD_KAFKA_RESP_ERR_NO_ERROR {
                    let message = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) }
                    failures[String(cString: rd_kafka_topic_result_name(topicResult))] = Self.error(code, message: message)
                }
            }
        }
        return .success(failures)
    }
}
