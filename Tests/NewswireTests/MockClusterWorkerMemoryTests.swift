import Foundation
import Kafka
import Testing

/// `newswire run` as a process on the embedded (mock) cluster with 1 MiB
/// inputs and a slow output side (100 ms round trips on the broker that leads
/// the output topics): the byte bound pauses the input partitions, `/stats`
/// shows them paused and resumed, peak RSS stays under 150 MB, and every
/// input is committed.
@Suite(.timeLimit(.minutes(3)))
struct MockClusterWorkerMemoryTests {
    static let inputs = 200
    static let inputSize = 1 << 20
    static let rssBound = 150_000_000
    static let partitions = 16

    @Test func largeInputsWithASlowOutputStayWithinTheMemoryBound() async throws {
        let logger = TestLogger.quiet
        let cluster = try EmbeddedCluster(brokers: 2, logger: logger)
        let prefix = "m\(UInt32.random(in: 0...UInt32.max))"
        let input = "\(prefix).raw"
        try cluster.createTopic(input, partitions: Self.partitions)
        for partition in Int32(0)..<Int32(Self.partitions) { try cluster.setPartitionLeader(topic: input, partition: partition, broker: 1) }
        for name in ["articles.normalised.v1", "articles.parsed.v1", "articles.enriched.v1", "articles.dlq.v1"] {
            try cluster.createTopic(name, partitions: 2)
            for partition in Int32(0)..<2 { try cluster.setPartitionLeader(topic: name, partition: partition, broker: 2) }
        }
        let group = "\(prefix)-group"
        try cluster.setGroupCoordinator(group: group, broker: 1)
        try cluster.setRoundTripTime(broker: 2, milliseconds: 100)

        let worker = try WorkerProcess(name: "memory", arguments: [
            "--brokers", cluster.bootstrapServers, "--group", group, "--input-topic", input,
            "--kafka-property", "session.timeout.ms=6000", "--shutdown-grace", "20s",
        ])
        let stats = try await worker.statsURL()
        var producerConfiguration = KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers)
        producerConfiguration.properties["message.max.bytes"] = "2000000"
        let producer = try KafkaProducer(configuration: producerConfiguration, logger: logger)

        // Inputs are sent as the worker commits them, at most 4 (MiB) ahead per
        // partition: the mock cluster keeps only about 5 MiB per partition.
        // Each is 1 MiB of binary data, which the worker dead-letters (truncated
        // to the output side's message.max.bytes), so output bytes match input
        // bytes; 16 partitions × 4 in flight (64 MiB) is well over the default 48 MiB bound
        // (12 × 4 was exactly the bound, and a quick worker on a quiet machine then never paused).
        var base = [UInt8](repeating: 0, count: Self.inputSize)
        var generator = SystemRandomNumberGenerator()
        for index in stride(from: 0, to: base.count, by: 8) {
            withUnsafeBytes(of: generator.next() as UInt64) { base.replaceSubrange(index..<min(index + 8, base.count), with: $0) }
        }
        var sent = [Int](repeating: 0, count: Self.partitions)
        var peak = 0
        var sawPaused = false
        var sawResumedAfterPause = false
        let deadline = ContinuousClock.now + .seconds(150)
        while ContinuousClock.now < deadline {
            let document = try await worker.stats(stats)
            let committed = (document["totals"] as? [String: Any])?["committed"] as? Int ?? 0
            let partitions = document["partitions"] as? [[String: Any]] ?? []
            var committedOffsets = [Int](repeating: 0, count: Self.partitions)
            for partition in partitions {
                if let number = partition["partition"] as? Int, let offset = partition["committed"] as? Int { committedOffsets[number] = offset }
            }
            let paused = partitions.contains { $0["paused"] as? Bool == true }
            if paused { sawPaused = true } else if sawPaused && !partitions.isEmpty { sawResumedAfterPause = true }
            peak = max(peak, worker.memory?.peak ?? 0)
            if committed >= Self.inputs { break }
            var batch: [KafkaProducerMessage] = []
            for partition in 0..<Self.partitions where !partitions.isEmpty {
                while sent.reduce(0, +) < Self.inputs && sent[partition] - committedOffsets[partition] < 4 {
                    var value = base
                    withUnsafeBytes(of: UInt64(sent.reduce(0, +))) { value.replaceSubrange(0..<8, with: $0) }
                    batch.append(KafkaProducerMessage(topic: input, partition: Int32(partition), key: nil, value: value))
                    sent[partition] += 1
                }
            }
            if !batch.isEmpty { try await producer.send(batch).delivered() }
            try await Task.sleep(for: .milliseconds(100))
        }
        await producer.close()
        peak = max(peak, worker.memory?.peak ?? 0)
        let final = try await worker.stats(stats)
        worker.terminate()
        let status = await worker.waitForExit(timeout: .seconds(30))

        let totals = final["totals"] as? [String: Any] ?? [:]
        print("memory: peak RSS \(peak / 1_000_000) MB over \(Self.inputs) inputs of 1 MiB; paused seen \(sawPaused), resumed seen \(sawResumedAfterPause)")
        #expect(totals["committed"] as? Int == Self.inputs, "\(worker.log)")
        #expect(totals["deadLettered"] as? Int == Self.inputs)
        #expect(sawPaused, "a partition was paused")
        #expect(sawResumedAfterPause, "and resumed")
        #expect(peak > 0 && peak < Self.rssBound, "peak RSS \(peak) bytes")
        #expect(status == 0, "\(worker.log)")
    }
}
