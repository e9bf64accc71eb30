import ArgumentParser

/// A topic named on the command line as `NAME` or `NAME:PARTITIONS`.
struct TopicSpec: Sendable, Hashable {
    var name: String
    var partitions: Int

    static let defaultPartitions = 4

    init(name: String, partitions: Int = TopicSpec.defaultPartitions) {
        self.name = name
        self.partitions = partitions
    }

    init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let name = String(parts[0])
        guard !name.isEmpty, name.count <= 249,
              name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw ValidationError("'\(text)' is not a valid topic name: use letters, digits, '.', '_' or '-' (at most 249), e.g. articles.raw or articles.raw:8")
        }
        guard parts.count <= 2 else {
            throw ValidationError("'\(text)' has more than one ':'; write a topic as NAME or NAME:PARTITIONS, e.g. articles.raw:8")
        }
        var partitions = TopicSpec.defaultPartitions
        if parts.count == 2 {
            guard let value = Int(parts[1]), (1...10_000).contains(value) else {
                throw ValidationError("'\(parts[1])' is not a partition count in '\(text)': use a whole number from 1 to 10000, e.g. articles.raw:8")
            }
            partitions = value
        }
        self.init(name: name, partitions: partitions)
    }
}
