import Kafka

/// What `newswire status` prints for a group: a header naming its state and
/// members, one row per partition of each topic it consumes, and the total
/// lag of exactly those rows.
struct GroupReport {
    var lines: [String]

    static func make(
        group: String, topics requested: [String], metadata: KafkaClusterMetadata, admin: KafkaAdmin, timeout: Duration
    ) async throws -> GroupReport {
        let description = try await describe(group, admin: admin, timeout: timeout)
        let candidates = requested.isEmpty ? metadata.topics.map(\.name).filter { !$0.hasPrefix("_") }.sorted() : requested
        for name in requested where metadata.topic(name) == nil {
            throw CommandFailure("the cluster has no topic '\(name)'; check --topic")
        }
        let partitions = candidates.flatMap { name in
            (metadata.topic(name)?.partitions ?? []).map { KafkaTopicPartition(topic: name, partition: $0.id) }
        }
        let committed = try await admin.committedOffsets(group: group, partitions: partitions, timeout: timeout)
        if committed.isEmpty {
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
        var lines = [header(group: group, description: description)]
        guard !consumed.isEmpty else {
            lines.append("no committed offsets and no assigned partitions yet")
            return GroupReport(lines: lines)
        }
        if committed.isEmpty {
            lines.append("no committed offsets yet: lag counts every retained message")
        }
        let rows = try await admin.groupOffsets(group: group, topics: consumed, timeout: timeout)
        lines.append(pad(["topic", "partition", "committed", "end", "lag"]))
        for row in rows {
            lines.append(pad([
                row.topicPartition.topic, "\(row.topicPartition.partition)",
                row.committed.map(String.init) ?? "-", "\(row.high)", "\(row.lag)",
            ]))
        }
        lines.append("total lag \(rows.reduce(0) { $0 + $1.lag })")
        return GroupReport(lines: lines)
    }

    /// The group's description; nil when the brokers cannot describe groups
    /// (librdkafka's mock cluster has no DescribeGroups): committed offsets alone tell then.
    private static func describe(_ group: String, admin: KafkaAdmin, timeout: Duration) async throws(KafkaError) -> KafkaGroupDescription? {
        do {
            return try await admin.describeGroup(group, timeout: timeout)
        } catch where error.code == .unsupportedFeature {
            return nil
        }
    }

    private static func header(group: String, description: KafkaGroupDescription?) -> String {
        guard let description else { return "group \(group)" }
        return "group \(group) (\(description.state), \(description.members.count) member(s))"
    }

    private static func pad(_ cells: [String]) -> String {
        let widths = [28, 10, 12, 12, 10]
        return zip(cells, widths).map { cell, width in
            cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
        }.joined()
    }
}
