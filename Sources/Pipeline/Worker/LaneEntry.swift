import Kafka

/// One input message in its partition's lane, from the moment it is taken
/// until every output (or its dead letter) is acknowledged.
struct LaneEntry: Sendable {
    enum Phase: Sendable {
        /// In the stages.
        case processing
        /// Processed; waits until every earlier message of the lane was handed on.
        case ready(PublishPlan)
        /// Handed to the publisher.
        case queued
        /// Records sent; this many delivery reports are still to come.
        case publishing(pending: Int)
        /// A dead letter or a retry is queued at the publisher.
        case waiting
        /// Every output or its dead letter is acknowledged.
        case done
    }

    let sequence: UInt64
    /// The input, kept for dead letters and retries until the entry is done.
    private(set) var input: KafkaMessage
    var phase: Phase = .processing
    var inputBytes: Int
    var outputBytes = 0
    var outcome: ProcessedMessage.Outcome?
    /// Records the broker acknowledged for this message.
    var acknowledged = 0
    /// Set when the broker refused a record for good.
    var rejection: PublishRejection?
    /// Outputs to send again after a transient failure.
    var retryOutputs: [Int] = []
    var attempt = 0
    /// What is being sent is a dead letter (it cannot itself be dead-lettered).
    var sendingDeadLetter = false
    /// When the stages finished: the publish stage's time runs from here.
    var processedAt: ContinuousClock.Instant?

    init(sequence: UInt64, input: KafkaMessage) {
        self.sequence = sequence
        self.input = input
        self.inputBytes = input.byteCount
    }

    /// Lets go of the input's bytes once the entry has left the window.
    mutating func release() {
        input = KafkaMessage(topic: "", partition: input.partition, offset: input.offset, key: nil, value: [])
    }

    var isDone: Bool {
        if case .done = phase { return true }
        return false
    }

    var isProcessing: Bool {
        if case .processing = phase { return true }
        return false
    }
}
