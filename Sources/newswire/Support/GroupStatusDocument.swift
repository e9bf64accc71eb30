import Foundation

/// What `newswire status --json` prints (schema `group.status` 1.0,
/// `Schemas/group.status/1.0.json`): one object per report, one line each
/// under `--watch`. Optional values encode as `null`, never as missing keys.
struct GroupStatusDocument: Encodable {
    struct Partition: Encodable {
        var topic: String
        var partition: Int32
        var committed: Int64?
        var end: Int64
        var lag: Int64

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(topic, forKey: .topic)
            try container.encode(partition, forKey: .partition)
            try container.encode(committed, forKey: .committed)
            try container.encode(end, forKey: .end)
            try container.encode(lag, forKey: .lag)
        }

        private enum CodingKeys: String, CodingKey {
            case topic, partition, committed, end, lag
        }
    }

    var schema = "group.status"
    var schemaVersion = "1.0"
    var generatedAt: String
    var group: String
    var state: String?
    var members: Int?
    var note: String?
    var partitions: [Partition]
    var totalLag: Int64

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schema, forKey: .schema)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(generatedAt, forKey: .generatedAt)
        try container.encode(group, forKey: .group)
        try container.encode(state, forKey: .state)
        try container.encode(members, forKey: .members)
        try container.encode(note, forKey: .note)
        try container.encode(partitions, forKey: .partitions)
        try container.encode(totalLag, forKey: .totalLag)
    }

    private enum CodingKeys: String, CodingKey {
        case schema, schemaVersion, generatedAt, group, state, members, note, partitions, totalLag
    }

    /// One line of JSON, keys sorted.
    func jsonLine() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
