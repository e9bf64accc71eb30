import Foundation
import Kafka
import Logging
import Pipeline
import ServiceLifecycle

/// The whole worker on the embedded cluster against its own baseline: the
/// same messages through `MessageProcessor` (the three stages and record
/// encoding) on one thread, without Kafka, in the same run. The ratio shows
/// what consuming, lanes, publishing and committing add (or, with lanes
/// running on several cores, win back).
///
///   pipeline-throughput [--messages N] [--partitions P] FILE...
@main
struct PipelineThroughput {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var messages = 4000
        var partitions = 4
        while let flag = arguments.first, flag.hasPrefix("--"), arguments.count >= 2 {
            switch flag {
            case "--messages": messages = Int(arguments[1]) ?? messages
            case "--partitions": partitions = Int(arguments[1]) ?? partitions
            default: fail("unknown option \(flag)")
            }
            arguments.removeFirst(2)
        }
        guard !arguments.isEmpty else { fail("usage: pipeline-throughput [--messages N] [--partitions P] FILE...") }
        let bodies = try arguments.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        var logger = Logger(label: "pipeline-throughput")
        logger.logLevel = .error

        let version = RecordEncoding.latest(.enriched, major: 1)!
        let topics = OutputTopics(prefix: "bench")
        let processor = MessageProcessor(topics: topics, enrichedVersion: version)
        let input = "bench.raw"
        let clock = ContinuousClock()

        let offline = (0..<messages).map { index in
            KafkaMessage(topic: input, partition: Int32(index % partitions), offset: KafkaOffset(Int64(index / partitions)),
                         key: nil, value: bodies[index % bodies.count], timestampMilliseconds: 1_700_000_000_000)
        }
        var produced = 0
        let baselineStart = clock.now
        for message in offline { produced += processor.process(message).outputs.count }
        let baseline = clock.now - baselineStart

        let cluster = try EmbeddedCluster(brokers: 1, logger: logger)
        try cluster.createTopic(input, partitions: partitions)
        let producer = try KafkaProducer(configuration: .init(bootstrapServers: cluster.bootstrapServers), logger: logger)
        let inputs = (0..<messages).map { index in
            KafkaProducerMessage(topic: input, partition: Int32(index % partitions), value: bodies[index % bodies.count])
        }
        try await producer.send(inputs).delivered()
        await producer.close()

        var configuration = WorkerConfiguration(
            bootstrapServers: cluster.bootstrapServers, group: "bench", inputTopics: [input], processor: processor
        )
        configuration.sessionTimeout = .seconds(6)
        let worker = ArticleWorker(configuration: configuration, logger: logger)
        let group = ServiceGroup(services: [worker], logger: logger)
        // Timed from the first committed batch, so joining the group is not counted.
        let total = messages
        let (pipeline, firstBatch) = try await withThrowingTaskGroup(of: (Duration, Int)?.self) { tasks in
            tasks.addTask {
                try await group.run()
                return nil
            }
            tasks.addTask {
                await worker.counters.waitUntilConsumed(1)
                let started = clock.now
                let first = worker.counters.current.consumed
                await worker.counters.waitUntilConsumed(total)
                let elapsed = clock.now - started
                await group.triggerGracefulShutdown()
                return (elapsed, first)
            }
            var measured: (Duration, Int)?
            for try await result in tasks where result != nil { measured = result }
            return measured ?? (.zero, 0)
        }
        let totals = worker.counters.current
        let offlineRate = Double(messages) / seconds(baseline)
        let pipelineRate = Double(totals.consumed - firstBatch) / seconds(pipeline)
        print("messages \(messages) (\(bodies.count) distinct files), partitions \(partitions), records per run \(produced)")
        print(String(format: "baseline: stages + encoding, one thread, no Kafka  %8.0f msgs/s", offlineRate))
        print(String(format: "worker on the embedded cluster (consume → lanes → publish → commit)  %8.0f msgs/s  (%d articles, %d records)",
                     pipelineRate, totals.articles, totals.produced))
        print(String(format: "ratio worker / baseline: %.2fx", pipelineRate / offlineRate))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
