/// What an error means for the application, decided once here from
/// librdkafka's code and flags so that every caller (the worker's publisher,
/// its commit tracker, the command line) reacts to the same error the same way.
///
/// The kinds answer "what now?": give up on this one record, try again later,
/// drop the work of partitions this member no longer owns, or stop.
public enum KafkaErrorKind: String, Sendable, Hashable, CustomStringConvertible {
    /// The broker will never take this record: too large, invalid, not
    /// authorised for its topic, a topic that does not exist. Retrying the same
    /// record cannot help; the application must put it aside (a dead letter).
    case recordRejected = "record-rejected"
    /// May succeed later: timeouts, brokers down, leadership moving, a
    /// coordinator loading, a rebalance in progress, a full local queue.
    case transient
    /// This member is no longer in the group generation that owned its
    /// partitions (illegal generation, unknown member, assignment lost): its
    /// uncommitted work on them must be dropped; the group reassigns them.
    case membershipLost = "membership-lost"
    /// The client cannot go on: a fatal (e.g. idempotence) error, a fenced
    /// producer or static member, or no authorisation for the cluster or group.
    case fatal

    public var description: String { rawValue }

    /// Classifies a librdkafka error code; `isFatal` and `isRetriable` are
    /// the flags librdkafka set on the error object, when it had one.
    public static func classify(_ code: KafkaErrorCode, isFatal: Bool = false, isRetriable: Bool = false) -> KafkaErrorKind {
        if isFatal || fatalCodes.contains(code) { return .fatal }
        if recordCodes.contains(code) { return .recordRejected }
        if membershipCodes.contains(code) { return .membershipLost }
        return .transient
    }

    private static let fatalCodes: Set<KafkaErrorCode> = [
        .fatal, .fenced, .producerFenced, .fencedInstanceID, .invalidProducerEpoch,
        .clusterAuthorizationFailed, .groupAuthorizationFailed, .transactionalIDAuthorizationFailed,
    ]

    private static let recordCodes: Set<KafkaErrorCode> = [
        .messageSizeTooLarge, .invalidMessageSize, .recordListTooLarge, .corruptMessage, .invalidRecord,
        .topicAuthorizationFailed, .invalidTopic, .policyViolation, .unsupportedForMessageFormat,
        .unknownTopicLocal, .unknownPartition, .unknownTopicOrPartition,
    ]

    private static let membershipCodes: Set<KafkaErrorCode> = [
        .illegalGeneration, .unknownMemberID, .assignmentLost, .staleMemberEpoch,
    ]
}

extension KafkaError {
    /// How the application should react to this error (see `KafkaErrorKind`).
    public var kind: KafkaErrorKind {
        KafkaErrorKind.classify(code, isFatal: isFatal, isRetriable: isRetriable)
    }
}
