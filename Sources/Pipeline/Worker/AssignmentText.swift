import Kafka

/// How the log names a set of partitions: per topic, its partition numbers
/// in order (`articles.raw/0,1,2 other/4`), or `none`. Short enough to print
/// a worker's whole assignment after every rebalance.
enum AssignmentText {
    static func describe(_ partitions: some Sequence<KafkaTopicPartition>) -> String {
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        guard !byTopic.isEmpty else { return "none" }
        return byTopic.keys.sorted().map { topic in
            let numbers = Set(byTopic[topic, default: []].map(\.partition)).sorted()
            return "\(topic)/" + numbers.map(String.init).joined(separator: ",")
        }.joined(separator: " ")
    }
}
