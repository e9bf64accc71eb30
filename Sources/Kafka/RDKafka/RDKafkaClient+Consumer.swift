import Crdkafka
#if canImport(Glibc)
import Glibc
#endif

/// Consuming: subscription, the poll loop, message conversion, rebalances,
/// commits and offset queries. Calls that block say so; run them through `BlockingCall`.
extension RDKafkaClient {
    /// Subscribes to topics; names starting with `^` are regular expressions.
    func subscribe(_ topics: [String]) -> KafkaError? {
        let list = rd_kafka_topic_partition_list_new(Int32(max(1, topics.count)))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for topic in topics {
            rd_kafka_topic_partition_list_add(list, topic, RDKafkaConstants.partitionUnassigned)
        }
        let result = rd_kafka_subscribe(handle, list)
        return result == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(result)
    }

    /// Reads exactly these partitions from these offsets, without a group rebalance.
    func assign(_ offsets: [KafkaPartitionOffset]) -> KafkaError? {
        let list = Self.makeList(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_assign(handle, list)
        return result == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : Self.error(result)
    }

    func assignment() -> Result<[KafkaTopicPartition], KafkaError> {
        var list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        let result = rd_kafka_assignment(handle, &list)
        defer { if let list { rd_kafka_topic_partition_list_destroy(list) } }
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(Self.error(result)) }
        return .success(Self.read(list).map(\.topicPartition))
    }

    func pause(_ partitions: [KafkaTopicPartition]) -> KafkaError? {
        let list = Self.makeList(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_pause_partitions(handle, list)
        return result == RD_KAFKA_RESP_ERR_NO_ERROR ? Self.firstError(list) : Self.error(result)
    }

    func resume(_ partitions: [KafkaTopicPartition]) -> KafkaError? {
        let list = Self.makeList(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_resume_partitions(handle, list)
        return result == RD_KAFKA_RESP_ERR_NO_ERROR ? Self.firstError(list) : Self.error(result)
    }

    /// Blocks up to `timeout`.
    func seek(_ offsets: [KafkaPartitionOffset], timeout: Duration) -> KafkaError? {
        let list = Self.makeList(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        if let failure = rd_kafka_seek_partitions(handle, list, Self.milliseconds(timeout)) {
            return Self.consume(error: failure)
        }
        return Self.firstError(list)
    }

    /// Commits explicit offsets and waits for the coordinator's answer up to
    /// `timeout`, in slices of at most `commitSlice`, so that a cancelled
    /// caller (`stop`) is noticed between them: `rd_kafka_commit` waits on a
    /// coordinator that is down or slow for as long as it stays so, and
    /// cannot be interrupted. A commit given up on may still be stored later;
    /// its offsets were ready to commit, so that is harmless. Blocks; call
    /// through `CancellationFlag.run`.
    func commit(_ offsets: [KafkaPartitionOffset], timeout: Duration, stop: CancellationFlag) -> KafkaError? {
        let list = Self.makeList(offsets)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        // The answer comes as an event on a queue of this call's own; a late
        // answer to a queue destroyed meanwhile is dropped by librdkafka.
        let queue = rd_kafka_queue_new(handle)
        defer { rd_kafka_queue_destroy(queue) }
        let result = rd_kafka_commit_queue(handle, list, queue, nil, nil)
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return Self.error(result) }
        let deadline = ContinuousClock.now + timeout
        while true {
            let left = deadline - .now
            if let event = rd_kafka_queue_poll(queue, Self.milliseconds(min(max(left, .zero), Self.commitSlice))) {
                defer { rd_kafka_event_destroy(event) }
                guard rd_kafka_event_type(event) == RDKafkaConstants.eventOffsetCommit else { continue }
                let code = rd_kafka_event_error(event)
                guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { return Self.error(code, message: String(cString: rd_kafka_event_error_string(event))) }
                return rd_kafka_event_topic_partition_list(event).flatMap { Self.firstError($0) }
            }
            if stop.isCancelled {
                return Self.error(RD_KAFKA_RESP_ERR__INTR, message: "the commit was cancelled before the group coordinator answered")
            }
            if left <= Self.commitSlice {
                return Self.error(RD_KAFKA_RESP_ERR__TIMED_OUT, message: "the group coordinator did not answer the commit within \(timeout)")
            }
        }
    }

    /// How long one wait of `commit(_:timeout:stop:)` may block: the most a
    /// cancelled commit takes to return.
    static let commitSlice = Duration.milliseconds(100)

    /// The group's committed offsets; blocks up to `timeout`.
    func committed(_ partitions: [KafkaTopicPartition], timeout: Duration) -> Result<[KafkaPartitionOffset], KafkaError> {
        let list = Self.makeList(partitions)
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_committed(handle, list, Self.milliseconds(timeout))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(Self.error(result)) }
        return .success(Self.read(list))
    }

    /// Asks the leader for low and high watermarks; blocks up to `timeout`.
    func watermarks(_ partition: KafkaTopicPartition, timeout: Duration) -> Result<KafkaWatermarks, KafkaError> {
        var low: Int64 = 0
        var high: Int64 = 0
        let result = rd_kafka_query_watermark_offsets(handle, partition.topic, partition.partition, &low, &high, Self.milliseconds(timeout))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(Self.error(result)) }
        return .success(KafkaWatermarks(low: low, high: high))
    }

    /// The earliest offset whose timestamp is ≥ `timestampMilliseconds`, per
    /// partition (`.end` when none); blocks up to `timeout`.
    func offsets(forTimestamp timestampMilliseconds: Int64, partitions: [KafkaTopicPartition], timeout: Duration)
        -> Result<[KafkaPartitionOffset], KafkaError>
    {
        let list = Self.makeList(partitions.map { KafkaPartitionOffset(topicPartition: $0, offset: KafkaOffset(timestampMilliseconds)) })
        defer { rd_kafka_topic_partition_list_destroy(list) }
        let result = rd_kafka_offsets_for_times(handle, list, Self.milliseconds(timeout))
        guard result == RD_KAFKA_RESP_ERR_NO_ERROR else { return .failure(Self.error(result)) }
        return .success(Self.read(list))
    }

    // MARK: the poll loop

    /// Blocks in `rd_kafka_consumer_poll` until a message or event arrives,
    /// then drains what is already there (up to `batchSize` messages or
    /// `batchBytes` bytes) without waiting, and hands the batch on. Ends by
    /// closing the consumer (leaving the group).
    func runConsumerLoop(_ thread: PollThread, batchSize: Int, batchBytes: Int) {
        let events = context.events!
        // Topic names by librdkafka topic handle: one String per topic, not per message.
        var topicNames: [OpaquePointer: String] = [:]
        while !thread.isStopping && !recordFatalError() {
            guard let first = rd_kafka_consumer_poll(handle, 1000) else { continue }
            var bytes = take(first, topicNames: &topicNames)
            var count = 1
            while count < batchSize, bytes < batchBytes, !thread.isStopping, let next = rd_kafka_consumer_poll(handle, 0) {
                bytes += take(next, topicNames: &topicNames)
                count += 1
            }
            context.flushPendingMessages()
        }
        events.beginClosing()
        context.flushPendingMessages()
        // Waits on the group coordinator for as long as it takes; the owner's
        // `close(timeout:)` need not wait for it (`PollThread.joinUnlessCancelled`).
        let result = rd_kafka_consumer_close(handle)
        if result != RD_KAFKA_RESP_ERR_NO_ERROR {
            context.logger.warning("closing the consumer: \(Self.error(result))")
        }
        events.finish(failure: context.fatalError.withLock { $0 })
    }

    /// Checks librdkafka for a fatal error (consumers may report it as a
    /// message error rather than through the error callback) and records it.
    private func recordFatalError() -> Bool {
        var errorText = [CChar](repeating: 0, count: RDKafkaConstants.errorStringSize)
        let code = rd_kafka_fatal_error(handle, &errorText, errorText.count)
        guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return false }
        var error = Self.error(code, message: Self.string(errorText))
        error.isFatal = true
        context.fatalError.withLock { $0 = $0 ?? error }
        return true
    }

    /// Copies a message into the pending batch, or hands on the event it
    /// carries; returns the bytes copied.
    private func take(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>, topicNames: inout [OpaquePointer: String]) -> Int {
        defer { rd_kafka_message_destroy(pointer) }
        let message = pointer.pointee
        guard message.err == RD_KAFKA_RESP_ERR_NO_ERROR else {
            context.flushPendingMessages()
            if message.err == RD_KAFKA_RESP_ERR__FATAL {
                _ = recordFatalError()
                return 0
            }
            let topic = message.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
            if message.err == RD_KAFKA_RESP_ERR__PARTITION_EOF {
                context.events?.push(.partitionEOF(KafkaPartitionOffset(topic: topic, partition: message.partition, offset: KafkaOffset(message.offset))))
            } else {
                let text = String(cString: rd_kafka_message_errstr(pointer))
                let error = Self.error(message.err, message: topic.isEmpty ? text : "\(topic)/\(message.partition): \(text)")
                context.logger.warning("consumer error: \(error)")
                context.events?.push(.error(error))
            }
            return 0
        }
        let converted = Self.convert(pointer, topicNames: &topicNames)
        context.pendingMessages.withLock { $0.append(converted) }
        return converted.byteCount
    }

    /// Copies one message into Swift values.
    static func convert(_ pointer: UnsafeMutablePointer<rd_kafka_message_t>, topicNames: inout [OpaquePointer: String]) -> KafkaMessage {
        let message = pointer.pointee
        // A handle's address could be reused for another topic, so the cached
        // name is compared with librdkafka's (no allocation) before it is used.
        let name = rd_kafka_topic_name(message.rkt)!
        let nameBytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
        let topic: String
        if let known = topicNames[message.rkt], known.utf8.elementsEqual(nameBytes) {
            topic = known
        } else {
            topic = String(decoding: nameBytes, as: UTF8.self)
            topicNames[message.rkt] = topic
        }
        let value: [UInt8] =
            if let payload = message.payload, message.len > 0 {
                Array(UnsafeRawBufferPointer(start: payload, count: message.len))
            } else {
                []
            }
        let key: [UInt8]? = message.key.map { Array(UnsafeRawBufferPointer(start: $0, count: message.key_len)) }
        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(pointer, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            var index = 0
            var name: UnsafePointer<CChar>?
            var bytes: UnsafeRawPointer?
            var size = 0
            while rd_kafka_header_get_all(headerList, index, &name, &bytes, &size) == RD_KAFKA_RESP_ERR_NO_ERROR {
                headers.append(
                    KafkaHeader(
                        key: name.map { String(cString: $0) } ?? "",
                        value: bytes.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) }
                    )
                )
                index += 1
            }
        }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let timestamp = rd_kafka_message_timestamp(pointer, &timestampType)
        return KafkaMessage(
            topic: topic,
            partition: message.partition,
            offset: KafkaOffset(message.offset),
            key: key,
            value: value,
            headers: headers,
            timestampMilliseconds: timestampType == RD_KAFKA_TIMESTAMP_NOT_AVAILABLE ? nil : timestamp,
            valueIsNull: message.payload == nil
        )
    }

    // MARK: rebalances

    /// Runs on the poll thread inside `rd_kafka_consumer_poll`. Assignments are
    /// applied at once; a revocation is first handed to the application, and
    /// the partitions are released only after it has handled it.
    static func handleRebalance(
        _ handle: OpaquePointer,
        context: RDKafkaClientContext,
        code: rd_kafka_resp_err_t,
        partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
    ) {
        let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
        let changed = read(partitions).map(\.topicPartition)
        context.flushPendingMessages()
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if cooperative {
                if let failure = rd_kafka_incremental_assign(handle, partitions) {
                    context.events?.push(.error(consume(error: failure)))
                }
            } else {
                let result = rd_kafka_assign(handle, partitions)
                if result != RD_KAFKA_RESP_ERR_NO_ERROR { context.events?.push(.error(error(result))) }
            }
            context.logger.debug("assigned \(changed)")
            context.events?.push(.partitionsAssigned(changed))
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            let lost = rd_kafka_assignment_lost(handle) != 0
            context.logger.debug("revoking \(changed)\(lost ? " (lost)" : "")")
            context.events?.pushRevocation(KafkaRevocation(partitions: changed, lost: lost))
            if cooperative {
                if let failure = rd_kafka_incremental_unassign(handle, partitions) {
                    context.events?.push(.error(consume(error: failure)))
                }
            } else {
                rd_kafka_assign(handle, nil)
            }
        default:
            rd_kafka_assign(handle, nil)
            context.events?.push(.error(error(code)))
        }
    }
}
