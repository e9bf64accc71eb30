import Foundation
import Kafka
import Testing
import TestSupport

/// A `newswire run` process on the embedded (mock) cluster, watched from
/// outside as an operator would: `/readyz` waits for partitions; with the
/// output broker down the worker holds its inputs, pauses its partitions and
/// stalls, and then the lag on `/stats` and from `newswire status` both equal
/// the end offset minus the committed offset while `/healthz` reports the
/// stall; with the broker back it catches up and is healthy again; with every
/// broker down it is not ready, and ready again once they return.
@Suite(.timeLimit(.minutes(4))) struct MockClusterWorkerMonitoringTests {
    static let partitions = 2

    @Test func lagWhilePausedMatchesStatusAndHealthFlips() async throws {
        let logger = TestLogger.quiet
        let cluster = try EmbeddedCluster(brokers: 2, logger: logger)
        let prefix = "mon\(UInt32.random(in: 0...UInt32.max))"
        let input = "\(prefix).raw"
        let group = "\(prefix)-group"
        try cluster.createTopic(input, partitions: Self.partitions)
        for partition in Int32(0)..<Int32(Self.partitions) { try cluster.setPartitionLeader(topic: input, partition: partition, broker: 1) }
        for name in ["articles.normalised.v1", "articles.parsed.v1", "articles.enriched.v1", "articles.dlq.v1"] {
            try cluster.createTopic(name, partitions: 2)
            for partition in Int32(0)..<2 { try cluster.setPartitionLeader(topic: name, partition: partition, broker: 2) }
        }
        try cluster.setGroupCoordinator(group: group, broker: 1)

        let worker = try WorkerProcess(name: "monitoring", arguments: [
            "--brokers", cluster.bootstrapServers, "--group", group, "--input-topic", input,
            "--kafka-property", "session.timeout.ms=6000", "--kafka-property", "reconnect.backoff.max.ms=500",
            "--stall-timeout", "3s", "--max-in-flight-bytes", "256KiB", "--shutdown-grace", "20s",
        ])
        let base = try await worker.statsURL(timeout: .seconds(60))  // a debug binary starting on a loaded machine

        // Not ready until the group gave it partitions; healthy all along.
        // Each /readyz answer is paired with the partitions /stats showed just
        // after it: partitions only arrive, so none after means none before.
        var readiness: [(status: Int, partitionsAfter: Int)] = []
        try await eventually("/readyz to answer 200", within: .seconds(60)) {
            let status = try await HTTPProbe.get(base + "/readyz").status
            let partitions = (try await worker.stats(base)["partitions"] as? [Any])?.count ?? 0
            readiness.append((status, partitions))
            return status == 200
        }
        let beforeAssignment = readiness.filter { $0.partitionsAfter == 0 }
        #expect(beforeAssignment.allSatisfy { $0.status == 503 }, "not ready before it has partitions: \(readiness)")
        #expect(try await HTTPProbe.get(base + "/healthz").status == 200)

        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: logger)
        try await producer.send(Self.articles(topic: input, perPartition: 10, from: 0)).delivered()
        let caughtUp = try await waitForStats(base, "every input committed, lag 0") { document in
            document.object("totals").int("committed") == 20
                && document.objects("partitions").count == Self.partitions
                && document.objects("partitions").allSatisfy { $0.int("lag") == 0 }
        }
        #expect(caughtUp.objects("partitions").allSatisfy { $0.int("committed") == 10 && $0.int("end") == 10 })

        // The output broker goes down: nothing can be acknowledged, so nothing
        // is committed; the inputs fill the lanes past the byte bound and the
        // partitions pause on purpose.
        try cluster.setBrokerDown(2)
        try await producer.send(Self.articles(topic: input, perPartition: 30, from: 10)).delivered()
        let paused = try await waitForStats(base, "both partitions paused with lag 30") { document in
            document.objects("partitions").count == Self.partitions
                && document.objects("partitions").allSatisfy { $0.bool("paused") == true && $0.int("lag") == 30 && $0.int("end") == 40 }
        }
        let status = try await CommandRunner.run(["status", "--brokers", cluster.bootstrapServers, "--group", group, "--topic", input, "--json"])
        #expect(status.status == 0, "\(status.stderr)")
        let rows = try Self.statusRows(status.stdout)
        #expect(rows.count == Self.partitions, "\(status.stdout)")
        for partition in paused.objects("partitions") {
            let number = try #require(partition.int("partition"))
            let row = try #require(rows[number], "status lists partition \(number): \(status.stdout)")
            let committed = try #require(partition.int("committed")), end = try #require(partition.int("end"))
            #expect(partition.int("lag") == end - committed)
            #expect(row.committed == committed && row.end == end && row.lag == end - committed, "status \(row) vs /stats \(partition)")
        }
        print("monitoring: while paused, /stats and status agree: \(rows.sorted { $0.key < $1.key }.map { "p\($0.key) committed \($0.value.committed) end \($0.value.end) lag \($0.value.lag)" })")

        // Each stage counts its own work in flight: the text stages finish what
        // the worker took, and publishing holds it all, unacknowledged.
        let holding = try await waitForStats(base, "the text stages idle and publish holding every uncommitted input") { document in
            let stages = document.object("stages"), totals = document.object("totals")
            guard let consumed = totals.int("consumed"), let committed = totals.int("committed") else { return false }
            return ["normalise", "parse", "enrich"].allSatisfy { stages.object($0).int("inFlight") == 0 }
                && stages.object("publish").int("inFlight") == consumed - committed
        }
        let publishing = holding.object("stages").object("publish").int("inFlight") ?? 0
        #expect(publishing > 0 && publishing == holding.object("inFlight").int("messages"), "\(holding["inFlight"] ?? "none")")

        // Work waiting and no progress for the stall timeout: unhealthy.
        var stalled = HTTPProbe.Response(status: 0, body: "")
        try await eventually("/healthz to report the stall", within: .seconds(30)) {
            stalled = try await HTTPProbe.get(base + "/healthz")
            return stalled.status == 503
        }
        #expect(stalled.body.contains("stalled"), "\(stalled.body)")

        // The broker is back: the worker catches up and is healthy again.
        try cluster.setBrokerUp(2)
        let recovered = try await waitForStats(base, "all 80 inputs committed after the outage", timeout: .seconds(90)) { document in
            document.object("totals").int("committed") == 80
                && document.objects("partitions").allSatisfy { $0.int("lag") == 0 && $0.bool("paused") == false }
        }
        #expect(recovered.object("health").object("live").bool("ok") == true)
        #expect(try await HTTPProbe.get(base + "/healthz").status == 200)
        #expect(recovered.object("stages").object("publish").int("out") == 80)

        // No broker reachable: not ready; ready again once they are back.
        try cluster.setBrokerDown(1)
        try cluster.setBrokerDown(2)
        var unready = HTTPProbe.Response(status: 0, body: "")
        try await eventually("/readyz to answer 503 without brokers", within: .seconds(30)) {
            unready = try await HTTPProbe.get(base + "/readyz")
            return unready.status == 503
        }
        try cluster.setBrokerUp(1)
        try cluster.setBrokerUp(2)
        try await eventually("/readyz to answer 200 with the brokers back", within: .seconds(60)) {
            try await HTTPProbe.get(base + "/readyz").status == 200
        }
        print("monitoring: /healthz said '\(stalled.body.trimmingCharacters(in: .newlines))'; /readyz said '\(unready.body.trimmingCharacters(in: .newlines))'")

        await producer.close()
        worker.terminate()
        #expect(await worker.waitForExit(timeout: .seconds(30)) == 0, "\(worker.log)")
    }

    /// Polls `/stats` until `condition` holds; returns that document.
    private func waitForStats(
        _ base: String, _ what: String, timeout: Duration = .seconds(60), _ condition: @escaping ([String: Any]) -> Bool
    ) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        do {
            try await eventually(what, within: timeout) {
                last = try await HTTPProbe.json(base + "/stats")
                return condition(last)
            }
        } catch {
            Issue.record("\(error); last /stats partitions \(last["partitions"] ?? "none"), totals \(last["totals"] ?? "none")")
            throw error
        }
        return last
    }

    /// Articles of about 6 KB, `perPartition` on each partition, numbered from `start`.
    static func articles(topic: String, perPartition: Int, from start: Int) -> [KafkaProducerMessage] {
        (0..<partitions).flatMap { partition in
            (start..<(start + perPartition)).map { index in
                let paragraph = "The city council of district \(partition) approved budget \(index) on Monday after a long debate about roads, schools and the water supply."
                let body = "Council approves budget \(partition)-\(index)\n\n" + Array(repeating: paragraph, count: 40).joined(separator: "\n\n") + "\n"
                return KafkaProducerMessage(
                    topic: topic, partition: Int32(partition), key: Array("a\(partition)-\(index)".utf8), value: Array(body.utf8),
                    headers: [KafkaHeader(key: "content-type", string: "text/plain")]
                )
            }
        }
    }

    /// `newswire status --json` rows, by partition.
    static func statusRows(_ output: String) throws -> [Int: (committed: Int, end: Int, lag: Int)] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "\(output)")
        var rows: [Int: (committed: Int, end: Int, lag: Int)] = [:]
        for partition in document.objects("partitions") {
            guard let number = partition.int("partition"), let committed = partition.int("committed"),
                  let end = partition.int("end"), let lag = partition.int("lag")
            else { continue }
            rows[number] = (committed, end, lag)
        }
        return rows
    }
}
