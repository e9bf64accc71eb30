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
        let base = try await worker.statsURL()
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

/// A free TCP port on the loopback interface, for a server the test starts.
enum FreePort {
    static func pick() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard named == 0 else { throw POSIXError(.EADDRNOTAVAIL) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
