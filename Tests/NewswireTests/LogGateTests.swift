import Logging
import Testing
import TestSupport
@testable import newswire

/// Issue 15, rows 1 and 10 (the log's side): repeats are dropped, each
/// module shows a bounded number of lines per window, what was dropped is
/// reported, and librdkafka's lines are recognised and compared without
/// their counters.
@Suite(.timeLimit(.minutes(1)))
struct LogGateTests {
    @Test func aRepeatWithinTheWindowIsDropped() {
        let start = ContinuousClock.now
        let gate = LogGate(window: .seconds(10), linesPerWindow: 20, now: start)
        #expect(gate.admit(source: "Pipeline", key: "a", now: start) == .show(suppressed: 0))
        #expect(gate.admit(source: "Pipeline", key: "a", now: start + .seconds(1)) == .drop)
        #expect(gate.admit(source: "Pipeline", key: "b", now: start + .seconds(2)) == .show(suppressed: 0))
        #expect(gate.admit(source: "Pipeline", key: "a", now: start + .seconds(11)) == .show(suppressed: 1))
    }

    @Test func eachModuleShowsABoundedNumberOfLinesPerWindow() {
        let start = ContinuousClock.now
        let gate = LogGate(window: .seconds(10), linesPerWindow: 3, now: start)
        let verdicts = (0..<10).map { gate.admit(source: "Pipeline", key: "dead letter \($0)", now: start + .milliseconds($0)) }
        #expect(verdicts.filter { $0 != .drop }.count == 3)
        #expect(gate.admit(source: "Kafka", key: "other module", now: start + .seconds(1)) == .show(suppressed: 0))
        #expect(gate.admit(source: "Pipeline", key: "dead letter 11", now: start + .seconds(10)) == .show(suppressed: 7))
    }

    @Test func librdkafkasRepeatsCompareEqual() {
        let fromLog = "[thrd:127.0.0.1:1/bootstrap]: 127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused (after 0ms in state CONNECT)"
        let fromCallback = "Kafka error: 127.0.0.1:1/bootstrap: Connect to ipv4#127.0.0.1:1 failed: Connection refused (after 3ms in state CONNECT, 1 identical error(s) suppressed) [_TRANSPORT (-195)]"
        #expect(CommandLogHandler.sameFailureKey(fromLog) == CommandLogHandler.sameFailureKey(fromCallback))
        #expect(CommandLogHandler.sameFailureKey("Kafka error: 1/1 brokers are down [_ALL_BROKERS_DOWN (-187)]") != CommandLogHandler.sameFailureKey(fromLog))
    }

    @Test func kafkaClientLinesAreRecognised() {
        #expect(CommandLogHandler.isKafkaClientLine(source: "Kafka", metadata: nil))
        #expect(CommandLogHandler.isKafkaClientLine(source: "Pipeline", metadata: ["librdkafka.facility": "FAIL"]))
        #expect(!CommandLogHandler.isKafkaClientLine(source: "Pipeline", metadata: ["partition": "3"]))
    }
}
