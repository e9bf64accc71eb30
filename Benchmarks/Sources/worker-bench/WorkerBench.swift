import Foundation
import Kafka
import Logging
import Pipeline
import Synchronization

/// The parts of `Benchmarks/worker-tansu.sh` that need a Kafka client or the
/// stages in-process:
///
///   worker-bench create --brokers B --topic T --partitions P
///   worker-bench produce --brokers B --topic T --count N --partitions P [--rate R] FILE...
///       sends N messages cycling the files, key = the message's number,
///       timestamp = the moment it is sent (as fast as possible, or R a second);
///   worker-bench collect --brokers B --input T --outputs O1,O2 --count N --by source|key
///       reads the input's timestamps, then the outputs as they arrive, until
///       every input has one; prints msgs/s between the first and the last
///       arrival and p50/p99 of (arrival - input timestamp), as one JSON line;
///   worker-bench stages --count N --threads T FILE...
///       the stages and encoding alone (`MessageProcessor`) on T threads.
@main
struct WorkerBench {
    static func main() async throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.isEmpty else { fail("usage: worker-bench produce|collect|stages ...") }
        let command = arguments.removeFirst()
        var options: [String: String] = [:]
        var files: [String] = []
        while let argument = arguments.first {
            arguments.removeFirst()
            if argument.hasPrefix("--"), let value = arguments.first {
                options[String(argument.dropFirst(2))] = value
                arguments.removeFirst()
            } else {
                files.append(argument)
            }
        }
        var logger = Logger(label: "worker-bench")
        logger.logLevel = .error
        switch command {
        case "create": try await create(options, logger: logger)
        case "produce": try await produce(options, files: files, logger: logger)
        case "collect": try await collect(options, logger: logger)
        case "stages": stages(options, files: files)
        default: fail("unknown command \(command)")
        }
    }

    static func create(_ options: [String: String], logger: Logger) async throws {
        guard let brokers = options["brokers"], let topic = options["topic"] else { fail("create needs --brokers and --topic") }
        let admin = try KafkaAdmin(bootstrapServers: brokers, logger: logger)
        try await admin.createTopic(KafkaNewTopic(name: topic, partitions: Int(options["partitions"] ?? "") ?? 6), ignoreExisting: true)
        await admin.close()
    }

    static func produce(_ options: [String: String], files: [String], logger: Logger) async throws {
        let bodies = try files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        guard let brokers = options["brokers"], let topic = options["topic"], !bodies.isEmpty else { fail("produce needs --brokers, --topic and files") }
        let count = Int(options["count"] ?? "") ?? 20_000
        let partitions = Int(options["partitions"] ?? "") ?? 6
        let rate = options["rate"].flatMap(Double.init)
        var configuration = KafkaProducerConfiguration(bootstrapServers: brokers)
        configuration.linger = .milliseconds(5)
        let producer = try KafkaProducer(configuration: configuration, logger: logger)
        let clock = ContinuousClock()
        let start = clock.now
        var pending: [KafkaDeliveries] = []
        var index = 0
        while index < count {
            let slice: Int
            if let rate {
                let due = Int(Double((clock.now - start).components.seconds) * rate + Double((clock.now - start).components.attoseconds) * 1e-18 * rate) + 1
                slice = max(0, min(count, due) - index)
                if slice == 0 {
                    try await Task.sleep(for: .milliseconds(5))
                    continue
                }
            } else {
                slice = min(1000, count - index)
            }
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let messages = (index..<(index + slice)).map { number in
                KafkaProducerMessage(
                    topic: topic, partition: Int32(number % partitions), key: Array("\(number)".utf8), value: bodies[number % bodies.count],
                    timestampMilliseconds: now
                )
            }
            pending.append(try await producer.send(messages))
            index += slice
        }
        for deliveries in pending { try await deliveries.delivered() }
        await producer.close()
    }

    static func collect(_ options: [String: String], logger: Logger) async throws {
        guard let brokers = options["brokers"], let input = options["input"], let outputs = options["outputs"] else {
            fail("collect needs --brokers, --input and --outputs")
        }
        let count = Int(options["count"] ?? "") ?? 20_000
        let bySource = (options["by"] ?? "source") == "source"
        // One reader for the input and the outputs together: an output may
        // arrive before its input is read, so it waits until the input is known.
        var byPosition: [String: Int64] = [:]
        var byKey: [String: Int64] = [:]
        var waiting: [String: Double] = [:]
        var arrivals: [String: (arrival: Double, latency: Double)] = [:]
        let outputTopics = Set(outputs.split(separator: ",").map(String.init))
        func record(_ id: String, arrival: Double, stamp: Int64) {
            guard arrivals[id] == nil else { return }
            arrivals[id] = (arrival, arrival - Double(stamp))
        }
        let fetchWait = options["fetch-wait-ms"] ?? "10"
        _ = try await read([input] + outputTopics.sorted(), brokers: brokers, logger: logger, announce: true, fetchWaitMilliseconds: fetchWait) { batch, _ in
            let now = Date().timeIntervalSince1970 * 1000
            for message in batch {
                if outputTopics.contains(message.topic) {
                    let id: String?
                    if bySource {
                        id = message.header("newswire-source")?.stringValue
                    } else {
                        id = message.key.map { String(decoding: $0, as: UTF8.self) }
                    }
                    guard let id, arrivals[id] == nil else { continue }
                    if let stamp = bySource ? byPosition[id] : byKey[id] {
                        record(id, arrival: now, stamp: stamp)
                    } else if waiting[id] == nil {
                        waiting[id] = now
                    }
                } else {
                    let stamp = message.timestampMilliseconds ?? 0
                    let position = "\(message.topic)/\(message.partition)/\(message.offset.rawValue)"
                    let key = message.key.map { String(decoding: $0, as: UTF8.self) }
                    byPosition[position] = stamp
                    if let key { byKey[key] = stamp }
                    for id in [position, key].compactMap({ $0 }) {
                        if let arrival = waiting.removeValue(forKey: id) { record(id, arrival: arrival, stamp: stamp) }
                    }
                }
            }
            return arrivals.count >= count
        }
        let times = arrivals.values.map(\.arrival).sorted()
        let latencies = arrivals.values.map(\.latency).sorted()
        let window = max(0.001, ((times.last ?? 0) - (times.first ?? 0)) / 1000)
        func percentile(_ p: Double) -> Double { latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(String(format: "{\"covered\": %d, \"msgsPerSecond\": %.0f, \"p50Milliseconds\": %.0f, \"p99Milliseconds\": %.0f}",
                     arrivals.count, Double(max(0, arrivals.count - 1)) / window, percentile(0.5), percentile(0.99)))
    }

    /// Reads `topics` from the beginning; says `collect: ready` on stderr once
    /// assigned, when `announce`. `fetchWaitMilliseconds` is how long the
    /// broker may hold a fetch that finds nothing new (`fetch.wait.max.ms`):
    /// short, the reader polls the broker; long, it waits for data.
    static func read(
        _ topics: [String], brokers: String, logger: Logger, announce: Bool = false, fetchWaitMilliseconds: String = "10",
        _ take: ([KafkaMessage], Int) -> Bool
    ) async throws -> Int {
        var configuration = KafkaConsumerConfiguration(bootstrapServers: brokers, groupID: "bench-reader-\(UUID().uuidString)")
        configuration.sessionTimeout = .seconds(6)
        configuration.properties["fetch.wait.max.ms"] = fetchWaitMilliseconds
        let consumer = try KafkaConsumer(configuration: configuration, logger: logger)
        try consumer.subscribe(topics: topics)
        var total = 0
        for try await event in consumer.events {
            if case .partitionsAssigned = event, announce {
                FileHandle.standardError.write(Data("collect: ready\n".utf8))
            }
            guard case .messages(let batch) = event else { continue }
            total += batch.count
            if take(batch, total) { break }
        }
        await consumer.close()
        return total
    }

    static func stages(_ options: [String: String], files: [String]) {
        let bodies: [[UInt8]]
        do {
            bodies = try files.map { Array(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        } catch {
            fail("cannot read the inputs: \(error)")
        }
        let count = Int(options["count"] ?? "") ?? 20_000
        let threads = Int(options["threads"] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
        let processor = MessageProcessor(enrichedVersion: RecordEncoding.latest(.enriched, major: 1)!)
        let messages = (0..<count).map { index in
            KafkaMessage(topic: "bench.raw", partition: Int32(index % 6), offset: KafkaOffset(Int64(index / 6)), key: nil,
                         value: bodies[index % bodies.count], timestampMilliseconds: 1_700_000_000_000)
        }
        let next = Atomic<Int>(0)
        let records = Atomic<Int>(0)
        let clock = ContinuousClock()
        let start = clock.now
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            Thread {
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < messages.count else { break }
                    records.add(processor.process(messages[index]).outputs.count, ordering: .relaxed)
                }
                group.leave()
            }.start()
        }
        group.wait()
        let elapsed = (clock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
        print(String(format: "{\"covered\": %d, \"msgsPerSecond\": %.0f, \"records\": %d, \"threads\": %d}",
                     count, Double(count) / seconds, records.load(ordering: .relaxed), threads))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}
