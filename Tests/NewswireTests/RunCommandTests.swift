import Foundation
import Kafka
import Testing
import TestSupport

/// Issue 15, rows 9 and 10 through the binary: a stats address another
/// process listens on is reported in one sentence before the worker starts a
/// cluster or joins a group; each dead letter is one warning line, and after
/// every rebalance the log names the worker's whole assignment.
@Suite(.timeLimit(.minutes(3)))
struct RunCommandTests {
    @Test func aTakenStatsAddressIsReportedBeforeJoining() async throws {
        let listener = try ListeningSocket()
        defer { listener.close() }
        let address = "127.0.0.1:\(listener.port)"
        let run = try await CommandRunner.run(["run", "--stats-address", address], deadline: .seconds(60))
        #expect(run.status == 1)
        #expect(run.stderrLines == [
            "Error: --stats-address \(address) is already in use by another process; pick another --stats-address (e.g. 127.0.0.1:\(listener.port + 1)) or turn it off with --stats-address off"
        ], "\(run.stderr)")
    }

    /// A fatal client error ends the binary: the embedded cluster answers the
    /// worker's first Produce request with OUT_OF_ORDER_SEQUENCE_NUMBER, which
    /// librdkafka's idempotent producer raises as a fatal error. The worker
    /// exits non-zero within its deadline, and stderr ends with one sentence
    /// saying what happened and what a restart does.
    @Test func aFatalClientErrorEndsTheWorkerWithOneSentence() async throws {
        let cluster = try EmbeddedCluster(brokers: 1, logger: TestLogger.quiet)
        try cluster.createTopic("articles.raw", partitions: 1)
        let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: cluster.bootstrapServers), logger: TestLogger.quiet)
        let input = "Council approves budget\n\nThe city council approved the budget on Monday after a debate about roads.\n"
        try await producer.send([KafkaProducerMessage(topic: "articles.raw", partition: 0, key: Array("a1".utf8), value: Array(input.utf8))]).delivered()
        await producer.close()
        cluster.pushRequestErrors(.produce, [.outOfOrderSequenceNumber])
        let run = try await CommandRunner.run([
            "run", "--brokers", cluster.bootstrapServers, "--group", "g-fatal-\(UUID().uuidString.prefix(8))", "--stats-address", "off",
            "--kafka-property", "session.timeout.ms=6000", "--drain-timeout", "2s", "--shutdown-grace", "10s",
        ], deadline: .seconds(90))
        #expect(!run.timedOut, "the worker kept running after the fatal error: \(run.stderr.suffix(2000))")
        #expect(run.status != 0)
        let errors = run.stderrLines.filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(run.stderr.suffix(2000))")
        #expect(run.stderrLines.last.map(String.init) == errors.first.map(String.init))
        let sentence = String(errors.first ?? "")
        #expect(sentence.contains("the Kafka client hit a fatal error and cannot continue"), "\(sentence)")
        #expect(sentence.contains("OUT_OF_ORDER_SEQUENCE_NUMBER"), "\(sentence)")
        print("fatal client error: exit \(run.status), stderr ends with: \(sentence)")
    }

    /// Two workers in one group on the embedded broker (cooperative-sticky).
    /// The first logs each of 30 tombstones as one dead-letter line (as many
    /// as the log's rate limit lets through) without the input; when the
    /// second joins, each logs its whole current assignment — not only what
    /// changed — even after that flood of warnings, and the two assignments
    /// split the topic's four partitions.
    @Test func deadLettersAndTheWholeAssignmentAreLogged() async throws {
        try await CommandRunner.withBroker(topics: ["articles.raw"]) { address in
            let group = "g-log-\(UUID().uuidString.prefix(8))"
            let arguments = [
                "run", "--brokers", address, "--group", group, "--stats-address", "off",
                "--kafka-property", "session.timeout.ms=6000", "--drain-timeout", "2s", "--shutdown-grace", "10s",
            ]
            let first = try BackgroundCommand(arguments)
            var second: BackgroundCommand?
            do {
                #expect(await first.waitForStderr(containing: "assignment now articles.raw/0,1,2,3", within: .seconds(60)), "\(first.stderr)")
                let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(bootstrapServers: address), logger: TestLogger.quiet)
                let tombstones = (0..<30).map { index in
                    KafkaProducerMessage(topic: "articles.raw", partition: Int32(index % 4), key: Array("secret-key-\(index)".utf8), value: nil)
                }
                try await producer.send(tombstones).delivered()
                await producer.close()
                // At least the rate limit's 20 a window (fewer if other warnings took some).
                try await eventually("dead-letter lines", within: .seconds(60)) { Self.deadLetterLines(first.stderr).count >= 15 }
                let lines = Self.deadLetterLines(first.stderr)
                let positions = Set((0..<30).map { "articles.raw/\($0 % 4) offset \($0 / 4)" })
                for line in lines {
                    let parts = line.components(separatedBy: "warning newswire.deadletters: dead letter: ")
                    #expect(parts.count == 2, "\(line)")
                    let rest = parts.last ?? ""
                    let position = rest.components(separatedBy: ", stage ").first ?? ""
                    #expect(positions.contains(position), "\(line)")
                    #expect(rest == "\(position), stage normalise, code empty-value: the message has no value (a tombstone); there is nothing to process")
                    #expect(!line.contains("secret-key"), "no input bytes in the log: \(line)")
                }
                #expect(Set(lines).count == lines.count, "one line per dead letter: \(lines)")

                second = try BackgroundCommand(arguments)
                try await eventually("the two workers to split the partitions", within: .seconds(90)) {
                    guard let theirs = Self.assignment(second?.stderr ?? ""), let ours = Self.assignment(first.stderr) else { return false }
                    return !theirs.isEmpty && !ours.isEmpty && theirs.isDisjoint(with: ours) && theirs.union(ours) == ["0", "1", "2", "3"]
                }
                // librdkafka may take the partitions back as lost (a commit refused mid-rebalance).
                #expect(
                    first.stderr.contains("partitions revoked: articles.raw/") || first.stderr.contains("partitions lost: articles.raw/"),
                    "\(first.stderr)"
                )
            } catch {
                Issue.record("first worker's log:\n\(first.stderr)\nsecond worker's log:\n\(second?.stderr ?? "")")
                await second?.stop()
                await first.stop()
                throw error
            }
            #expect(await second?.stop() == 0)
            #expect(await first.stop() == 0)
        }
    }

    private static func deadLetterLines(_ log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(" dead letter: ") }
    }

    /// The partition numbers of the last "assignment now" the log names.
    private static func assignment(_ log: String) -> Set<String>? {
        guard let line = log.split(separator: "\n").last(where: { $0.contains("assignment now ") }),
              let range = line.range(of: "assignment now ")
        else { return nil }
        let named = line[range.upperBound...].split(separator: " ").first.map(String.init) ?? ""
        guard named != "none" else { return [] }
        guard named.hasPrefix("articles.raw/") else { return nil }
        return Set(named.dropFirst("articles.raw/".count).split(separator: ",").map(String.init))
    }
}

/// A TCP socket listening on 127.0.0.1 at a port the kernel picks.
struct ListeningSocket {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        try #require(bound == 0 && listen(descriptor, 1) == 0, "could not listen on 127.0.0.1")
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        try #require(named == 0)
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
