import Kafka

/// One assigned partition's window: its messages in offset order, from the
/// oldest not yet acknowledged to the newest taken, with their bytes.
///
/// Messages are processed in parallel and finish in any order; the lane hands
/// them to the publisher strictly in order (`publishCursor`), and the offset
/// it may commit is one past the last message of the unbroken done prefix —
/// the same rule as Redpanda Connect's highest contiguous checkpoint.
struct PartitionLane: Sendable {
    let id: UInt32
    let partition: KafkaTopicPartition
    private(set) var entries: [LaneEntry] = []
    private var head = 0
    /// Sequence number of the oldest entry still held.
    private(set) var firstSequence: UInt64 = 0
    private(set) var nextSequence: UInt64 = 0
    /// The next message to hand to the publisher.
    var publishCursor: UInt64 = 0
    var bytes = 0
    var paused = false
    /// Being revoked: no resume, its work drains.
    var revoking = false
    /// Next offset to commit (one past the last done message), once any is done.
    var committable: Int64?
    /// The offset last committed by this member.
    var committed: Int64?
    /// The group's committed offset as librdkafka last reported it.
    var reportedCommitted: Int64?
    var highWatermark: Int64?
    /// Messages done (acknowledged) since the lane began, and of those, committed.
    var doneCount = 0
    var committedCount = 0

    init(id: UInt32, partition: KafkaTopicPartition) {
        self.id = id
        self.partition = partition
    }

    var count: Int { entries.count - head }
    var processingCount: Int { entries[head...].count { $0.isProcessing } }

    /// Appends a message and returns its sequence number.
    mutating func append(_ message: KafkaMessage) -> UInt64 {
        let sequence = nextSequence
        entries.append(LaneEntry(sequence: sequence, input: message))
        nextSequence += 1
        bytes += message.byteCount
        return sequence
    }

    /// The full sequence number whose low bits are `lowBits` within the window.
    func sequence(lowBits: UInt64) -> UInt64 {
        let base = firstSequence & ~LaneTicket.sequenceMask
        var candidate = base | lowBits
        if candidate < firstSequence { candidate += LaneTicket.sequenceMask + 1 }
        return candidate
    }

    /// The index of `sequence` in `entries`, if the lane still holds it.
    func index(of sequence: UInt64) -> Int? {
        guard sequence >= firstSequence, sequence < nextSequence else { return nil }
        return head + Int(sequence - firstSequence)
    }

    subscript(index: Int) -> LaneEntry {
        get { entries[index] }
        set { entries[index] = newValue }
    }

    /// Removes the done prefix; returns the entries removed.
    mutating func popDone() -> [LaneEntry] {
        var removed: [LaneEntry] = []
        while head < entries.count, entries[head].isDone {
            let entry = entries[head]
            removed.append(entry)
            committable = entry.input.offset.rawValue + 1
            doneCount += 1
            bytes -= entry.inputBytes + entry.outputBytes
            // The slot stays until the array is compacted; its bytes must not.
            entries[head].release()
            head += 1
            firstSequence += 1
        }
        if head > 64 && head * 2 > entries.count {
            entries.removeFirst(head)
            head = 0
        }
        return removed
    }

    /// The entries still held, oldest first.
    var held: ArraySlice<LaneEntry> { entries[head...] }
}
