import Foundation
import Kafka
import Logging
import Testing
import TestSupport

/// A `newswire run` process on the real broker (Tansu, `NEWSWIRE_TEST_BROKERS`)
/// reading a fresh topic, for the monitoring tests: inputs are sent one
/// record per batch (Tansu's high watermark is wrong for multi-record
/// batches), and `/stats` is polled until it shows what the test waits for.
struct MonitoredWorker {
    static var brokers: String? { TestBroker.address }

    let worker: WorkerProcess
    let base: String
    let topic: String
    let producer: KafkaProducer

    /// Creates the topic, starts the worker and waits until it is ready.
    static func start(_ name: String, partitions: Int) async throws -> MonitoredWorker {
        let brokers = try #require(brokers, "NEWSWIRE_TEST_BROKERS is not set (Scripts/test.sh starts Tansu)")
        let topic = "\(name)-\(UInt32.random(in: 0...UInt32.max))"
        let admin = try KafkaAdmin(bootstrapServers: brokers, logger: TestLogger.quiet)
        do {
            try await admin.createTopic(KafkaNewTopic(name: topic, partitions: partitions))
            await admin.close()
        } catch {
            await admin.close()
            throw error
        }
        let worker = try WorkerProcess(name: name, arguments: [
            "--brokers", brokers, "--group", "\(topic)-group", "--input-topic", topic,
            "--kafka-property", "session.timeout.ms=6000", "--shutdown-grace", "20s",
        ])
        let base = try await worker.statsURL(timeout: .seconds(60))  // a debug binary starting on a loaded machine
        try await eventually("\(name) to be ready", within: .seconds(60)) {
            try await HTTPProbe.get(base + "/readyz").status == 200
        }
        var configuration = KafkaProducerConfiguration(bootstrapServers: brokers)
        configuration.properties["batch.num.messages"] = "1"
        let producer = try KafkaProducer(configuration: configuration, logger: TestLogger.quiet)
        return MonitoredWorker(worker: worker, base: base, topic: topic, producer: producer)
    }

    /// Sends `good` small articles and `bad` inputs that are not UTF-8,
    /// spread over `partitions`, numbered from `start`; each awaited.
    func send(good: Int, bad: Int = 0, partitions: Int, from start: Int = 0) async throws {
        for index in start..<(start + good + bad) {
            let value: [UInt8] = index < start + good
                ? Array("Council approves budget \(index)\n\nThe city council approved budget number \(index) on Monday after a debate about roads and schools.\n".utf8)
                : [0x41, 0xE9, 0x74, 0xE9, 0x0A]
            let message = KafkaProducerMessage(
                topic: topic, partition: Int32(index % partitions), key: Array("k\(index)".utf8), value: value,
                headers: [KafkaHeader(key: "content-type", string: "text/plain")]
            )
            try await producer.send([message]).delivered()
        }
    }

    func stats() async throws -> [String: Any] {
        try await HTTPProbe.json(base + "/stats")
    }

    /// Polls `/stats` until `count` inputs are committed and every partition's lag is 0.
    func waitUntilCommitted(_ count: Int, timeout: Duration = .seconds(90)) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        do {
            try await eventually("\(count) inputs committed on \(topic)", within: timeout) {
                last = try await stats()
                return last.object("totals").int("committed") == count
                    && last.objects("partitions").allSatisfy { $0.int("lag") == 0 && $0.int("end") != nil }
            }
        } catch {
            Issue.record("\(error): last totals \(last["totals"] ?? "none"), partitions \(last["partitions"] ?? "none")\n\(worker.log)")
            throw error
        }
        return last
    }

    /// SIGTERM; the exit status (nil when it did not exit in time).
    func stop() async -> Int32? {
        await producer.close()
        worker.terminate()
        return await worker.waitForExit(timeout: .seconds(30))
    }
}
