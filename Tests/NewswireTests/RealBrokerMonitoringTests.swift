import Foundation
import Testing
import TestSupport

/// Monitoring a `newswire run` process on the real broker (Tansu, on
/// librdkafka 2.16) as operators do: `/stats` and `/metrics` count exactly
/// what was sent, report the producer's queue and a broker round trip from
/// librdkafka's statistics, and `promtool check metrics` accepts `/metrics`; a real
/// Prometheus scrapes the worker and its HTTP API gives back the processed
/// count; and the dashboard, loaded in headless Chromium during a run
/// (for 8 s of real time, `Scripts/browser-snapshot.py`), draws its charts
/// from live data (the screenshot is kept under `.build/test-artefacts/`).
@Suite(
    .serialized, .timeLimit(.minutes(4)),
    .needsRealBroker
)
struct RealBrokerMonitoringTests {
    static let partitions = 3

    @Test(ExternalProgram.needed("promtool"))
    func statsAndMetricsCountWhatWasSent() async throws {
        let run = try await MonitoredWorker.start("monitor-counts", partitions: Self.partitions)
        try await run.send(good: 20, bad: 2, partitions: Self.partitions)
        let document = try await run.waitUntilCommitted(22)

        let totals = document.object("totals")
        #expect(totals.int("consumed") == 22 && totals.int("deadLettered") == 2 && totals.int("articles") == 20)
        let stages = document.object("stages")
        #expect(stages.object("normalise").int("in") == 22 && stages.object("normalise").int("failed") == 2)
        #expect(stages.object("enrich").int("out") == 20)
        #expect(stages.object("publish").int("out") == 22)
        #expect(document.object("deadLetters").object("byCode").int("invalid-utf8") == 2)
        #expect(document.object("endToEnd").object("latency").object("sinceStart").int("count") == 20)
        #expect(document.objects("partitions").compactMap { $0.int("committed") }.reduce(0, +) == 22)

        let metrics = try await HTTPProbe.get(run.base + "/metrics")
        #expect(metrics.status == 200)
        let text = MetricsText(metrics.body)
        #expect(text.value("newswire_records_total", ["stage": "publish", "outcome": "ok"]) == 22, "\(metrics.body)")
        #expect(text.value("newswire_records_total", ["stage": "normalise", "outcome": "failed"]) == 2)
        #expect(text.value("newswire_dead_letters_total", ["stage": "normalise", "code": "invalid-utf8"]) == 2)
        #expect(text.value("newswire_stage_duration_seconds_count", ["stage": "enrich"]) == 20)
        #expect(text.value("newswire_end_to_end_latency_seconds_count", [:]) == 20)
        #expect(text.value("newswire_messages_committed_total", [:]) == 22)
        for partition in 0..<Self.partitions {
            #expect(text.value("newswire_consumer_lag", ["topic": run.topic, "partition": "\(partition)"]) == 0)
        }
        #expect(text.value("newswire_ready", [:]) == 1 && text.value("newswire_healthy", [:]) == 1)
        #expect(text.value("newswire_producer_queue_messages", [:]) != nil)
        let check = try await ExternalProgram.run("promtool", ["check", "metrics"], stdin: Data(metrics.body.utf8), timeout: .seconds(30))
        #expect(check.status == 0, "promtool check metrics: \(check.stdout)\(check.stderr)")
        print("monitoring: /metrics names: \(text.names.filter { $0.hasPrefix("newswire_") }.sorted().joined(separator: ", "))")

        // Round trips from librdkafka's statistics (every 2 s) cover only the
        // last window, which has some only while the producer sends: one more
        // input on each try, until /stats and the gauge /metrics sets from it
        // both show a round trip to the broker.
        var brokers: [[String: Any]] = [], gauge: Double?
        var extra = 0
        try await eventually("/stats and /metrics to report a broker round trip", within: .seconds(60), every: .milliseconds(500)) {
            brokers = try await run.stats().objects("brokers")
            let scraped = MetricsText(try await HTTPProbe.get(run.base + "/metrics").body)
            if let timed = brokers.first(where: { (($0["rttAverage"] as? NSNumber)?.doubleValue ?? 0) > 0 }), let name = timed["name"] as? String {
                gauge = scraped.value("newswire_broker_rtt_seconds", ["broker": name])
                if let gauge, gauge > 0 { return true }
            }
            try await run.send(good: 1, partitions: Self.partitions, from: 1_000 + extra)
            extra += 1
            return false
        }
        let rtt = brokers.compactMap { ($0["rttAverage"] as? NSNumber)?.doubleValue }.max() ?? 0
        #expect(rtt > 0 && rtt < 10, "a round trip in seconds: \(brokers)")
        print("monitoring: broker round trip \(rtt) s on /stats, \(gauge ?? 0) s on /metrics, after \(extra) more input(s)")
        #expect(await run.stop() == 0, "\(run.worker.log)")
    }

    @Test(ExternalProgram.needed("prometheus"))
    func aRealPrometheusScrapesTheProcessedCount() async throws {
        let run = try await MonitoredWorker.start("monitor-prometheus", partitions: Self.partitions)
        try await run.send(good: 15, partitions: Self.partitions)
        _ = try await run.waitUntilCommitted(15)

        let folder = CommandRunner.temporaryFolder()
        defer { CommandRunner.remove(folder) }
        let target = try #require(URL(string: run.base)).host.map { "\($0):\(try #require(URL(string: run.base)?.port))" } ?? ""
        let config = folder.appendingPathComponent("prometheus.yml")
        try """
        global:
          scrape_interval: 1s
          evaluation_interval: 1s
        scrape_configs:
          - job_name: newswire
            static_configs:
              - targets: ["\(target)"]
        """.write(to: config, atomically: true, encoding: .utf8)
        let socket = try ListeningSocket()
        let port = socket.port
        socket.close()
        let log = folder.appendingPathComponent("prometheus.log")
        try Data().write(to: log)
        let prometheus = try ExternalProgram.Server(
            executable: try #require(ExternalProgram.find("prometheus")),
            arguments: [
                "--config.file=\(config.path)", "--storage.tsdb.path=\(folder.appendingPathComponent("data").path)",
                "--web.listen-address=127.0.0.1:\(port)",
            ],
            stdout: log, stderr: log
        )
        let query = "newswire_records_total{job=\"newswire\",stage=\"publish\",outcome=\"ok\"}"
        let address = "http://127.0.0.1:\(port)/api/v1/query?query=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? query)
        var answer = ""
        var value: Double?
        do {
            try await eventually("Prometheus to have scraped the processed count", within: .seconds(60)) {
                guard prometheus.isRunning else { return true }
                do {
                    let response = try await HTTPProbe.get(address, timeout: 5)
                    answer = response.body
                    value = try Self.vectorValue(response.body)
                } catch {
                    answer = "\(error)"  // not listening yet, or nothing scraped yet
                }
                return value == 15
            }
        } catch {
            Issue.record("\(error); last answer \(answer); log: \(String(decoding: try Data(contentsOf: log), as: UTF8.self))")
        }
        print("monitoring: Prometheus answered \(query) with \(answer)")
        #expect(value == 15, "\(answer)")
        prometheus.stop()
        #expect(await prometheus.waitForExit(timeout: .seconds(30)) != nil)
        #expect(await run.stop() == 0, "\(run.worker.log)")
    }

    @Test(ExternalProgram.needed("chromium"))
    func theDashboardChartsLiveDataInChromium() async throws {
        let run = try await MonitoredWorker.start("monitor-dashboard", partitions: Self.partitions)
        try await run.send(good: 12, bad: 3, partitions: Self.partitions)
        _ = try await run.waitUntilCommitted(15)

        // Inputs keep arriving while the browser watches.
        let artefacts = Repository.root.appendingPathComponent(".build/test-artefacts")
        try FileManager.default.createDirectory(at: artefacts, withIntermediateDirectories: true)
        let screenshot = artefacts.appendingPathComponent("dashboard.png")
        if FileManager.default.fileExists(atPath: screenshot.path) { try FileManager.default.removeItem(at: screenshot) }
        let script = Repository.root.appendingPathComponent("Scripts/browser-snapshot.py").path
        let browser = try await withThrowingTaskGroup(of: ExternalProgram.Run?.self) { group in
            group.addTask {
                // A burst, then a trickle, while the page watches for 8 s.
                try await run.send(good: 40, partitions: Self.partitions, from: 100)
                for round in 0..<20 {
                    try await run.send(good: 3, partitions: Self.partitions, from: 200 + 3 * round)
                    try await Task.sleep(for: .milliseconds(500))
                }
                return nil
            }
            group.addTask {
                try await ExternalProgram.run("python3", [
                    script, run.base + "/", "--seconds", "8", "--screenshot", screenshot.path, "--width", "1400", "--height", "1200",
                ], timeout: .seconds(90))
            }
            var browser: ExternalProgram.Run?
            for try await result in group { if let result { browser = result } }
            return try #require(browser)
        }
        let dom = browser.stdout
        #expect(Self.attribute("data-refreshes", in: dom, near: "<body").map { $0 >= 5 } == true, "the page refreshed from /stats: \(browser.stderr)")
        for chart in ["chart-throughput", "chart-latency", "chart-lag"] {
            let svg = try #require(Self.element(id: chart, in: dom), "\(chart) is in the page")
            #expect((Self.attribute("data-samples", in: svg, near: "<svg") ?? 0) >= 5, "\(chart) holds samples")
            #expect(svg.contains("<polyline"), "\(chart) draws a line")
        }
        let throughput = try #require(Self.element(id: "chart-throughput", in: dom))
        #expect((Self.attribute("data-max", in: throughput, near: "<svg") ?? 0) > 0, "throughput above zero")
        let latency = try #require(Self.element(id: "chart-latency", in: dom))
        #expect((Self.attribute("data-max", in: latency, near: "<svg") ?? 0) > 0, "latency percentiles above zero")
        let lag = try #require(Self.element(id: "chart-lag", in: dom))
        #expect(lag.components(separatedBy: "<polyline").count - 1 >= Self.partitions, "a lag line per partition")
        let letters = try #require(Self.element(id: "chart-deadletters", in: dom))
        #expect(Self.attribute("data-total", in: letters, near: "<svg") == 3, "the dead letters are charted")
        #expect(letters.contains(#"data-code="invalid-utf8""#))
        let size = (try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        #expect(size > 20_000, "a screenshot at \(screenshot.path)")
        print("monitoring: dashboard screenshot at \(screenshot.path) (\(size) bytes)")
        #expect(await run.stop() == 0, "\(run.worker.log)")
    }

    /// The value of an instant-vector answer with one sample; nil for any other answer.
    static func vectorValue(_ body: String) throws -> Double? {
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              let result = (object["data"] as? [String: Any])?["result"] as? [[String: Any]],
              result.count == 1, let value = result[0]["value"] as? [Any], value.count == 2, let text = value[1] as? String
        else { return nil }
        return Double(text)
    }

    /// The element with `id` in the dumped DOM, from its tag to its closing tag.
    static func element(id: String, in dom: String) -> String? {
        guard let idRange = dom.range(of: "id=\"\(id)\""), let open = dom[..<idRange.lowerBound].range(of: "<", options: .backwards) else { return nil }
        let tag = dom[open.upperBound...].prefix { $0.isLetter }
        guard let close = dom[idRange.upperBound...].range(of: "</\(tag)>") else { return nil }
        return String(dom[open.lowerBound..<close.upperBound])
    }

    /// A numeric attribute of the first `tag` in `html`.
    static func attribute(_ name: String, in html: String, near tag: String) -> Double? {
        guard let start = html.range(of: tag), let end = html[start.upperBound...].range(of: ">") else { return nil }
        let opening = html[start.upperBound..<end.lowerBound]
        guard let attribute = opening.range(of: "\(name)=\"") else { return nil }
        return Double(opening[attribute.upperBound...].prefix { $0 != "\"" })
    }
}

/// Prometheus text exposition, read for the tests: samples by name and labels.
struct MetricsText {
    private var samples: [(name: String, labels: [String: String], value: Double)] = []

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            let series = line[..<space]
            var labels: [String: String] = [:]
            var name = String(series)
            if let brace = series.firstIndex(of: "{") {
                name = String(series[..<brace])
                let body = series[series.index(after: brace)..<(series.lastIndex(of: "}") ?? series.endIndex)]
                for pair in body.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2 else { continue }
                    labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
                }
            }
            samples.append((name, labels, value))
        }
    }

    var names: Set<String> { Set(samples.map(\.name)) }

    /// The value of the one sample of `name` whose labels include `labels`.
    func value(_ name: String, _ labels: [String: String]) -> Double? {
        let matching = samples.filter { sample in sample.name == name && labels.allSatisfy { sample.labels[$0.key] == $0.value } }
        return matching.count == 1 ? matching[0].value : nil
    }
}
