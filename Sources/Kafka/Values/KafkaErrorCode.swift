/// A librdkafka error code (`rd_kafka_resp_err_t`): negative values are local
/// to librdkafka, non-negative ones are Kafka protocol errors from a broker.
///
/// A plain integer wrapper so callers can match on codes without importing the
/// C module; the named constants are the ones the project reacts to.
public struct KafkaErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let noError = KafkaErrorCode(rawValue: 0)
    public static let badMessage = KafkaErrorCode(rawValue: -199)
    public static let transport = KafkaErrorCode(rawValue: -195)
    public static let destroyed = KafkaErrorCode(rawValue: -197)
    public static let failed = KafkaErrorCode(rawValue: -196)
    public static let allBrokersDown = KafkaErrorCode(rawValue: -187)
    public static let invalidArgument = KafkaErrorCode(rawValue: -186)
    public static let timedOut = KafkaErrorCode(rawValue: -185)
    /// `_INTR`: a blocking call stopped early (e.g. a flush whose task was cancelled).
    public static let interrupted = KafkaErrorCode(rawValue: -163)
    public static let queueFull = KafkaErrorCode(rawValue: -184)
    public static let unknownPartition = KafkaErrorCode(rawValue: -190)
    public static let unknownTopicLocal = KafkaErrorCode(rawValue: -188)
    public static let partitionEOF = KafkaErrorCode(rawValue: -191)
    public static let fatal = KafkaErrorCode(rawValue: -150)
    public static let maxPollExceeded = KafkaErrorCode(rawValue: -147)
    public static let state = KafkaErrorCode(rawValue: -172)
    public static let notImplemented = KafkaErrorCode(rawValue: -170)
    public static let purgeQueue = KafkaErrorCode(rawValue: -152)
    public static let purgeInFlight = KafkaErrorCode(rawValue: -151)
    public static let messageTimedOut = KafkaErrorCode(rawValue: -192)
    public static let authentication = KafkaErrorCode(rawValue: -169)
    public static let fenced = KafkaErrorCode(rawValue: -144)
    public static let assignmentLost = KafkaErrorCode(rawValue: -142)

    public static let offsetOutOfRange = KafkaErrorCode(rawValue: 1)
    public static let corruptMessage = KafkaErrorCode(rawValue: 2)
    public static let unknownTopicOrPartition = KafkaErrorCode(rawValue: 3)
    public static let invalidMessageSize = KafkaErrorCode(rawValue: 4)
    public static let leaderNotAvailable = KafkaErrorCode(rawValue: 5)
    public static let notLeaderForPartition = KafkaErrorCode(rawValue: 6)
    public static let requestTimedOut = KafkaErrorCode(rawValue: 7)
    public static let messageSizeTooLarge = KafkaErrorCode(rawValue: 10)
    public static let coordinatorLoadInProgress = KafkaErrorCode(rawValue: 14)
    public static let coordinatorNotAvailable = KafkaErrorCode(rawValue: 15)
    public static let notCoordinator = KafkaErrorCode(rawValue: 16)
    public static let invalidTopic = KafkaErrorCode(rawValue: 17)
    public static let recordListTooLarge = KafkaErrorCode(rawValue: 18)
    public static let notEnoughReplicas = KafkaErrorCode(rawValue: 19)
    public static let illegalGeneration = KafkaErrorCode(rawValue: 22)
    public static let unknownMemberID = KafkaErrorCode(rawValue: 25)
    public static let rebalanceInProgress = KafkaErrorCode(rawValue: 27)
    public static let topicAuthorizationFailed = KafkaErrorCode(rawValue: 29)
    public static let groupAuthorizationFailed = KafkaErrorCode(rawValue: 30)
    public static let clusterAuthorizationFailed = KafkaErrorCode(rawValue: 31)
    public static let topicAlreadyExists = KafkaErrorCode(rawValue: 36)
    public static let unsupportedForMessageFormat = KafkaErrorCode(rawValue: 43)
    public static let policyViolation = KafkaErrorCode(rawValue: 44)
    public static let outOfOrderSequenceNumber = KafkaErrorCode(rawValue: 45)
    public static let invalidProducerEpoch = KafkaErrorCode(rawValue: 47)
    public static let transactionalIDAuthorizationFailed = KafkaErrorCode(rawValue: 53)
    public static let fencedInstanceID = KafkaErrorCode(rawValue: 82)
    public static let invalidRecord = KafkaErrorCode(rawValue: 87)
    public static let producerFenced = KafkaErrorCode(rawValue: 90)
    public static let staleMemberEpoch = KafkaErrorCode(rawValue: 113)

    public var description: String { "\(rawValue)" }
}
