import ArticleText
import Kafka
import Pipeline

/// What `newswire replay` prints: the plan (the resolved range and the
/// message count per partition; all a dry run prints) and, after a run, the
/// totals and the messages committed per partition, in the same form so
/// the two can be compared line by line.
struct ReplayReport {
    /// The replay's arguments, parsed and checked.
    struct Options {
        var topic: String
        var from: ReplayBound
        var until: ReplayBound
        var version: SchemaVersion
        var stages: Set<Stage>
        var outputs: OutputTopics
        var maxInFlight: Int
    }

    let plan: ReplayPlan
    let group: String
    let options: Options

    func printPlan() throws {
        StandardStreams.writeLine("replay \(plan.topic) from \(options.from) until \(options.until)")
        StandardStreams.writeLine("  writes: \(ReplayStages.describe(options.stages)) → \(try outputTopics().joined(separator: ", ")); dead letters → \(options.outputs.deadLetter)")
        let done = plan.ranges.reduce(0) { $0 + ($1.next - $1.start) }
        StandardStreams.writeLine("  group: \(group)" + (plan.resumed ? " (continuing: \(done) of \(plan.total) messages done earlier)" : " (new)"))
        for range in plan.ranges {
            var line = "  \(range.topicPartition): offsets \(range.start)..<\(range.end)"
            if range.next > range.start { line += ", continuing at \(range.next)" }
            line += " (\(range.remaining) messages)"
            if range.endFixedEarlier { line += ", end fixed by the first run" }
            StandardStreams.writeLine(line)
            if let resolved = range.from { StandardStreams.writeLine("      from: \(resolved)") }
            if let resolved = range.until { StandardStreams.writeLine("      until: \(resolved)") }
            if let high = range.wrongHighWatermark {
                StandardStreams.writeLine("      the broker's high watermark \(high) is wrong: the partition ends at \(range.partitionEnd) (read from the records)")
            }
        }
        StandardStreams.writeLine("  total \(plan.remaining) messages")
    }

    /// Prints the totals and the group's committed count per partition;
    /// throws when a partition this process still holds is not committed up
    /// to the last message it handed on (a final commit refused).
    func printResult(totals: WorkerCounters.Totals, tracker: ReplayTracker.Snapshot, committed: [Int32: Int64]) throws {
        StandardStreams.writeLine(
            "replayed \(totals.completed) message(s) (\(totals.committed) committed): \(totals.articles) article(s), \(totals.produced) record(s) written, \(totals.deadLettered) dead letter(s)"
        )
        var groupTotal: Int64 = 0
        for range in plan.ranges {
            let now = committed[range.topicPartition.partition].map { min(max($0, range.next), range.end) } ?? range.next
            groupTotal += now - range.next
            StandardStreams.writeLine("  \(range.topicPartition): \(now - range.next) messages committed (offsets \(range.next)..<\(now) of ..<\(range.end))")
        }
        StandardStreams.writeLine("  total \(groupTotal) messages committed in group \(group)")
        let uncommitted = plan.ranges.filter { range in
            guard tracker.assigned.contains(range.topicPartition), let last = tracker.handedOn[range.topicPartition] else { return false }
            return (committed[range.topicPartition.partition] ?? -1) <= last
        }
        guard uncommitted.isEmpty else { throw ReplayError.unfinished(partitions: uncommitted.map(\.topicPartition.description)) }
        guard tracker.complete else {
            StandardStreams.writeLine("stopped before the end of the range: the work in flight was finished and committed; rerun the same command to continue")
            return
        }
        if groupTotal < plan.remaining {
            StandardStreams.writeLine("this process's partitions are done; the rest of the range is with other processes of group \(group) (rerun to check or continue)")
        }
    }

    private func outputTopics() throws -> [String] {
        try options.stages.sorted().map { stage throws(SchemaError) -> String in
            switch stage {
            case .normalise: try options.outputs.topic(for: .normalised, major: 1)
            case .parse: try options.outputs.topic(for: .parsed, major: 1)
            case .enrich: try options.outputs.topic(for: .enriched, version: options.version)
            }
        }
    }
}
