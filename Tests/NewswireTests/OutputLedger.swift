import Foundation
import Kafka
import Logging
import Pipeline
import Synchronization

/// Reads the worker's normalised and dead-letter topics from the beginning
/// while the workers run, keeping the outputs of one input topic (by their
/// `newswire-source` header), so a test can wait until every input is
/// covered and then check order and count duplicates.
final class OutputLedger: Sendable {
    struct Output: Sendable, Hashable {
        var topic: String
        var partition: Int32
        var offset: Int64
        var sourcePartition: Int32
        var sourceOffset: Int64
    }

    let consumer: KafkaConsumer
    let inputTopic: String
    private let outputs = Mutex<[Output]>([])

    init(bootstrapServers: String, inputTopic: String, topics: [String] = ["articles.normalised.v1", "articles.dlq.v1"], logger: Logger) throws {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: bootstrapServers, groupID: "ledger-\(UUID().uuidString)")
        configuration.sessionTimeout = .seconds(6)
        consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        self.inputTopic = inputTopic
        try consumer.subscribe(topics: topics)
    }

    /// Reads until `close()`.
    func run() async throws {
        let prefix = inputTopic + "/"
        for try await event in consumer.events {
            guard case .messages(let batch) = event else { continue }
            let mine = batch.compactMap { message -> Output? in
                guard let source = message.header(HeaderName.source)?.stringValue, source.hasPrefix(prefix) else { return nil }
                let parts = source.dropFirst(prefix.count).split(separator: "/")
                guard parts.count == 2, let partition = Int32(parts[0]), let offset = Int64(parts[1]) else { return nil }
                return Output(topic: message.topic, partition: message.partition, offset: message.offset.rawValue, sourcePartition: partition, sourceOffset: offset)
            }
            outputs.withLock { $0 += mine }
        }
    }

    func close() async { await consumer.close() }

    var all: [Output] { outputs.withLock { $0 } }

    /// Input positions (partition, offset) with at least one output.
    var covered: Set<[Int64]> { Set(all.map { [Int64($0.sourcePartition), $0.sourceOffset] }) }

    /// Outputs beyond the first per input position.
    var duplicates: Int { all.count - covered.count }

    /// Places where an output partition shows an input partition's messages
    /// out of input order (repeats after a reprocessing are not counted: the
    /// first output of each input position must come in offset order).
    var orderViolations: [String] {
        var violations: [String] = []
        let byOutputPartition = Dictionary(grouping: all) { "\($0.topic)/\($0.partition)" }
        for (outputPartition, records) in byOutputPartition {
            var seen = Set<[Int64]>()
            var last: [Int32: Int64] = [:]
            for record in records.sorted(by: { $0.offset < $1.offset }) {
                guard seen.insert([Int64(record.sourcePartition), record.sourceOffset]).inserted else { continue }
                if let previous = last[record.sourcePartition], previous > record.sourceOffset {
                    violations.append("\(outputPartition): input \(record.sourcePartition)/\(record.sourceOffset) after \(previous)")
                }
                last[record.sourcePartition] = record.sourceOffset
            }
        }
        return violations
    }
}
