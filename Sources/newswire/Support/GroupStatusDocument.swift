import Foundation
import Pipeline

/// What `newswire status --json` prints (schema `group.status` 1.0,
/// `Schemas/group.status/1.0.json`): one object per report, one line each
/// under `--watch`. Optional values encode as `null`, never as missing keys.
struct GroupStatusDocument: Encodable {
    struct Partition: Encodable {
        var topic: String
        var partition: Int32
        @NullWhenAbsent var committed: Int64?
        var end: Int64
        var lag: Int64
    }

    var schema = "group.status"
    var schemaVersion = "1.0"
    var generatedAt: String
    var group: String
    @NullWhenAbsent var state: String?
    @NullWhenAbsent var members: Int?
    @NullWhenAbsent var note: String?
    var partitions: [Partition]
    var totalLag: Int64

    /// One line of JSON, keys sorted.
    func jsonLine() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self))
    }
}
