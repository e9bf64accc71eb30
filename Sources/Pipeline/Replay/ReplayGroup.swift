import ArticleText
import Kafka
import Logging

/// A replay's consumer group: its name, derived from the replay's
/// arguments so a rerun (or a second process) with the same arguments finds
/// it again; the check that keeps replays out of live groups; and where the
/// range's end is kept.
///
/// The end of a range (`--until end` is "the end as of now") is fixed by the
/// first run and kept as the committed offsets of a companion group,
/// `<group>.ends`, which never has members: committed offsets are the one
/// per-partition store every broker keeps (commit metadata would be the
/// natural place, but Tansu drops it).
public enum ReplayGroup {
    /// Every group a replay makes starts with this.
    public static let prefix = "newswire-replay-"

    /// `newswire-replay-<topic>-<8 hex digits>`: the digits are a hash of
    /// everything that decides what the replay reads and writes.
    public static func defaultName(
        topic: String, from: ReplayBound, until: ReplayBound, enrichedVersion: SchemaVersion, stages: Set<Stage>, topicPrefix: String
    ) -> String {
        let arguments = [
            topic, from.key, until.key, enrichedVersion.description, ReplayStages.describe(stages), topicPrefix,
        ].joined(separator: "\n")
        let digest = SHA256.hex(SHA256.digest(Array(arguments.utf8)))
        return "\(prefix)\(topic)-\(digest.prefix(8))"
    }

    public static func isReplayGroup(_ group: String) -> Bool { group.hasPrefix(prefix) }

    /// The companion group whose committed offsets are the range's fixed ends.
    public static func endsGroup(of group: String) -> String { "\(group).ends" }

    /// Refuses a group with committed offsets on the topic unless it is a
    /// replay group or `force` is given.
    public static func check(_ group: String, committed: [Int32: Int64], topic: String, force: Bool) throws(ReplayError) {
        guard !committed.isEmpty, !isReplayGroup(group), !force else { return }
        throw .liveGroup(group: group, topic: topic)
    }

    /// The group's committed offsets on `topic`, by partition (partitions without one left out).
    public static func committed(_ group: String, topic: String, admin: KafkaAdmin) async throws -> [Int32: Int64] {
        let offsets = try await admin.groupOffsets(group: group, topics: [topic])
        var committed: [Int32: Int64] = [:]
        for entry in offsets {
            if let offset = entry.committed { committed[entry.topicPartition.partition] = offset }
        }
        return committed
    }

    /// Commits `offsets` for `group` from outside it (the group must have no
    /// active member, as the ends group never has).
    static func commit(_ offsets: [KafkaPartitionOffset], group: String, bootstrapServers: String, properties: [String: String], logger: Logger)
        async throws
    {
        guard !offsets.isEmpty else { return }
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: group)
        configuration.properties = properties
        configuration.properties["enable.auto.commit"] = "false"
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        do {
            try await consumer.commit(offsets)
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }
}
