import Crdkafka

/// Reading one record at an offset: assign the partition at that offset,
/// poll until its first record (or the end of the partition) arrives,
/// unassign. Blocks; call through `BlockingCall`, one read at a time per client.
extension RDKafkaClient {
    /// The first record at or after `offset` in `partition`, or the end of
    /// the partition when it holds none there; with `toEnd`, the records are
    /// passed over until the end is reached. Blocks up to `timeout`.
    func readRecord(atOrAfter offset: Int64, in partition: KafkaTopicPartition, toEnd: Bool = false, timeout: Duration)
        -> Result<KafkaRecordRead, KafkaError>
    {
        // A fresh assignment: nothing fetched for an earlier read can come back.
        rd_kafka_assign(handle, nil)
        let list = Self.makeList([KafkaPartitionOffset(topicPartition: partition, offset: KafkaOffset(offset))])
        defer {
            rd_kafka_topic_partition_list_destroy(list)
            rd_kafka_assign(handle, nil)
        }
        let assigned = rd_kafka_assign(handle, list)
        guard assigned == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(Self.error(assigned)) }
        let deadline = ContinuousClock.now + timeout
        var lastError: KafkaError?
        while ContinuousClock.now < deadline {
            let wait = min(deadline - ContinuousClock.now, .milliseconds(500))
            guard let pointer = rd_kafka_consumer_poll(handle, max(1, Self.milliseconds(wait))) else { continue }
            let outcome = recordOutcome(pointer, offset: offset, partition: partition)
            rd_kafka_message_destroy(pointer)
            switch outcome {
            case .record(let message): if !toEnd { return .success(.record(message)) }
            case .end(let position): return .success(.end(position))
            case .failed(let error): return .failure(error)
            case .transient(let error): lastError = error
            case .other: continue
            }
        }
        let detail = lastError.map { " (last error: \($0.message))" } ?? ""
        return .failure(
            Self.error(RD_KAFKA_RESP_ERR__TIMED_OUT, message: "\(toEnd ? "the end of" : "no record of") \(partition) at or after offset \(offset) arrived within \(timeout)\(detail)")
        )
    }

    private enum ReadOutcome {
        case record(KafkaMessage)
        case end(Int64)
        case failed(KafkaError)
        case transient(KafkaError)
        case other
    }

    private func recordOutcome(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>, offset: Int64, partition: KafkaTopicPartition) -> ReadOutcome {
        let message = pointer.pointee
        let topic = message.rkt.map { String(cString: rd_kafka_topic_name($0)) }
        switch message.err {
        case RD_KAFKA_RESP_ERR_NO_ERROR:
            guard topic == partition.topic, message.partition == partition.partition, message.offset >= offset else { return .other }
            var topicNames: [OpaquePointer: String] = [:]
            return .record(Self.convert(pointer, topicNames: &topicNames))
        case RD_KAFKA_RESP_ERR__PARTITION_EOF:
            guard topic == partition.topic, message.partition == partition.partition else { return .other }
            return .end(message.offset)
        default:
            let text = String(cString: rd_kafka_message_errstr(pointer))
            let error = Self.error(message.err, message: "\(partition) at offset \(offset): \(text)")
            switch message.err {
            case RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET, RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART,
                RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
                return .failed(error)
            default:
                return .transient(error)
            }
        }
    }
}
