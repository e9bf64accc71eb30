import Foundation
import Kafka

/// Where a consumer group stands, for `newswire status`: its state and
/// members (where the brokers can describe groups), one row per partition of
/// each topic it consumes, and the total lag of exactly those rows. Printed
/// as a table (`lines`) or as a `group.status` JSON document (`document`).
struct GroupReport {
    var group: String
    /// nil where the brokers cannot describe groups (the embedded cluster).
    var description: KafkaGroupDescription?
    /// Something the rows alone do not say, e.g. that nothing is committed yet.
    var note: String?
    var rows: [KafkaGroupPartitionOffsets]
    /// False when the group consumes nothing yet: no table, only the note.
    var consumesTopics: Bool

    var totalLag: Int64 { rows.reduce(0) { $0 + $1.lag } }

    static func make(
        group: String, topics requested: [String], metadata: KafkaClusterMetadata, admin: KafkaAdmin, timeout: Duration
    ) async throws -> GroupReport {
        let (description, describeFailure) = try await describe(group, admin: admin, timeout: timeout)
        let candidates = requested.isEmpty ? metadata.topics.map(\.name).filter { !$0.hasPrefix("_") }.sorted() : requested
        for name in requested where metadata.topic(name) == nil {
            throw CommandFailure("the cluster has no topic '\(name)'; check --topic")
        }
        let partitions = candidates.flatMap { name in
            (metadata.topic(name)?.partitions ?? []).map { KafkaTopicPartition(topic: name, partition: $0.id) }
        }
        let committed = try await admin.committedOffsets(group: group, partitions: partitions, timeout: timeout)
        if committed.isEmpty {
            if let describeFailure {
                throw CommandFailure(
                    "group '\(group)' has no committed offsets and could not be described (a broker did not answer: \(describeFailure.message)); check --group, or try again when every broker is up"
                )
            }
            guard let description else {
                throw CommandFailure(
                    "group '\(group)' has no committed offsets: it does not exist or has not committed yet (these brokers cannot describe groups); check --group"
                )
            }
            guard description.exists else {
                throw CommandFailure("no such group: the brokers know no consumer group '\(group)' (no members, no committed offsets); check --group")
            }
        }
        let consumed = requested.isEmpty
            ? Array(Set(committed.map(\.topic)).union(description?.assignedTopics ?? [])).sorted()
            : requested
        guard !consumed.isEmpty else {
            return GroupReport(
                group: group, description: description, note: "no committed offsets and no assigned partitions yet", rows: [], consumesTopics: false
            )
        }
        let rows = try await admin.groupOffsets(group: group, topics: consumed, timeout: timeout)
        var notes: [String] = []
        if let describeFailure {
            notes.append("state and members unknown: a broker did not answer the group description (\(describeFailure.message))")
        }
        if committed.isEmpty { notes.append("no committed offsets yet: lag counts every retained message") }
        return GroupReport(
            group: group, description: description, note: notes.isEmpty ? nil : notes.joined(separator: "; "), rows: rows, consumesTopics: true
        )
    }

    /// The table; with `rates` (committed messages per second since the
    /// previous report, in `--watch`), one more column.
    func lines(rates: [KafkaTopicPartition: Double]? = nil) -> [String] {
        var lines = [header]
        if let note { lines.append(note) }
        guard consumesTopics else { return lines }
        lines.append(Self.pad(["topic", "partition", "committed", "end", "lag"] + (rates == nil ? [] : ["msgs/s"])))
        for row in rows {
            let rate = rates.map { rates in rates[row.topicPartition].map { String(format: "%.1f", $0) } ?? "-" }
            lines.append(Self.pad([
                row.topicPartition.topic, "\(row.topicPartition.partition)",
                row.committed.map(String.init) ?? "-", "\(row.high)", "\(row.lag)",
            ] + (rate.map { [$0] } ?? [])))
        }
        lines.append("total lag \(totalLag)")
        return lines
    }

    /// The `group.status` 1.0 document (`Schemas/group.status/1.0.json`).
    func document(generatedAt: Date = Date()) -> GroupStatusDocument {
        GroupStatusDocument(
            generatedAt: generatedAt.formatted(.iso8601), group: group, state: description?.state,
            members: description?.members.count, note: note,
            partitions: rows.map { row in
                GroupStatusDocument.Partition(
                    topic: row.topicPartition.topic, partition: row.topicPartition.partition,
                    committed: row.committed, end: row.high, lag: row.lag
                )
            },
            totalLag: totalLag
        )
    }

    /// The group's description; nil when the brokers cannot describe groups
    /// (librdkafka's mock cluster has no DescribeGroups): committed offsets
    /// alone tell then. The description asks every broker, so one broker down
    /// fails it; that failure is returned, not thrown, so the offsets (from
    /// the coordinator and the partition leaders) are still reported.
    private static func describe(_ group: String, admin: KafkaAdmin, timeout: Duration) async throws(KafkaError)
        -> (description: KafkaGroupDescription?, failure: KafkaError?)
    {
        do {
            return (try await admin.describeGroup(group, timeout: timeout), nil)
        } catch where error.code == .unsupportedFeature {
            return (nil, nil)
        } catch where error.kind == .transient {
            return (nil, error)
        }
    }

    private var header: String {
        guard let description else { return "group \(group)" }
        return "group \(group) (\(description.state), \(description.members.count) member(s))"
    }

    private static func pad(_ cells: [String]) -> String {
        let widths = [28, 10, 12, 12, 10, 10]
        return zip(cells, widths).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }.joined()
    }
}
