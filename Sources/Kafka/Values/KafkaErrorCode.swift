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
    public static let queueFull = KafkaErrorCode(rawValue: -184)
    public static let unknownPartition = KafkaErrorCode(rawValue: -190)
    public static let unknownTopicLocal = KafkaErrorCode(rawValue: -188)
    public static let partitionEOF = KafkaErrorCode(rawValue: -191)
    public static let fatal = KafkaErrorCode(rawValue: -150)
    public static let maxPollExceeded = KafkaErrorCode(rawValue: -147)
    public static let state = KafkaErrorCode(rawValue: -172)
    public static let notImplemented = KafkaErrorCode(rawValue: -170)
    public static let purgeQueue = KafkaErrorCode(rawValue: -152)

    public static let offsetOutOfRange = KafkaErrorCode(rawValue: 1)
    public static let unknownTopicOrPartition = KafkaErrorCode(rawValue: 3)
    public static let leaderNotAvailable = KafkaErrorCode(rawValue: 5)
    public static let notLeaderForPartition = KafkaErrorCode(rawValue: 6)
    public static let requestTimedOut = KafkaErrorCode(rawValue: 7)
    public static let coordinatorLoadInProgress = KafkaErrorCode(rawValue: 14)
    public static let coordinatorNotAvailable = KafkaErrorCode(rawValue: 15)
    public static let notCoordinator = KafkaErrorCode(rawValue: 16)
    public static let notEnoughReplicas = KafkaErrorCode(rawValue: 19)
    public static let illegalGeneration = KafkaErrorCode(rawValue: 22)
    public static let unknownMemberID = KafkaErrorCode(rawValue: 25)
    public static let rebalanceInProgress = KafkaErrorCode(rawValue: 27)
    public static let topicAlreadyExists = KafkaErrorCode(rawValue: 36)

    public var description: String { "\(rawValue)" }
}
