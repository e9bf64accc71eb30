import Testing
@testable import Pipeline

/// The HdrHistogram-backed latency windows: percentiles within the
/// histogram's 1%, the last minute forgetting what is older, and the flow
/// counts of a stage adding up.
@Suite(.timeLimit(.minutes(1))) struct LatencyRecorderTests {
    @Test func percentilesOfKnownLatenciesAreWithinOnePercent() throws {
        var recorder = LatencyRecorder()
        // 1 ms … 1000 ms, one each: p50 = 500 ms, p90 = 900 ms, p99 = 990 ms.
        for milliseconds in 1...1000 { recorder.record(.milliseconds(milliseconds), slot: 0) }
        let windows = recorder.windows(currentSlot: 0)
        for summary in [windows.lastMinute, windows.sinceStart] {
            #expect(summary.count == 1000)
            #expect(abs(try #require(summary.p50) - 0.5) <= 0.005)
            #expect(abs(try #require(summary.p90) - 0.9) <= 0.009)
            #expect(abs(try #require(summary.p99) - 0.99) <= 0.0099)
            #expect(abs(try #require(summary.max) - 1.0) <= 0.01)
        }
    }

    @Test func theLastMinuteForgetsOlderSlotsAndSinceStartKeepsThem() throws {
        var recorder = LatencyRecorder()
        recorder.record(.seconds(2), slot: 0)
        recorder.record(.milliseconds(3), slot: 5)
        let atFive = recorder.windows(currentSlot: 5)
        #expect(atFive.lastMinute.count == 2, "slots 0…5 are the last minute at slot 5")
        let atSix = recorder.windows(currentSlot: 6)
        #expect(atSix.lastMinute.count == 1, "slot 0 is over a minute old at slot 6")
        #expect(abs(try #require(atSix.lastMinute.max) - 0.003) < 0.0001)
        #expect(atSix.sinceStart.count == 2)
        // A slot number reused by the ring starts empty.
        recorder.record(.milliseconds(7), slot: 6)
        let reused = recorder.windows(currentSlot: 6)
        #expect(reused.lastMinute.count == 2)
        #expect(reused.sinceStart.count == 3)
        #expect(recorder.windows(currentSlot: 20).lastMinute == .empty)
    }

    @Test func aLatencyOverADayCountsAsADayAndNothingMeasuredIsNull() {
        var recorder = LatencyRecorder()
        #expect(recorder.windows(currentSlot: 0).sinceStart == .empty)
        recorder.record(.seconds(3 * 86_400), slot: 0)
        let max = recorder.windows(currentSlot: 0).sinceStart.max ?? 0
        #expect(max >= 86_400 * 0.99 && max <= 86_400 * 1.01)
    }

    @Test func aStageCountsInOutFailedAndInFlight() throws {
        let meter = StageMeter(.parse, clock: WindowClock())
        for _ in 0..<5 { meter.entered() }
        meter.left(after: .milliseconds(2), failed: false)
        meter.left(after: .milliseconds(4), failed: false)
        meter.left(after: .milliseconds(1), failed: true)
        meter.dropped(1)
        let stage = meter.snapshot()
        #expect(stage.in == 5 && stage.out == 2 && stage.failed == 1 && stage.dropped == 1 && stage.inFlight == 1)
        #expect(stage.latency.sinceStart.count == 3)
        #expect(abs(try #require(stage.latency.lastMinute.max) - 0.004) < 0.0001)
    }

    @Test func theWindowCoversTheSlotsKeptUpToNow() {
        let start = ContinuousClock.now - .seconds(125)
        let clock = WindowClock(start: start)
        #expect(clock.slot(at: start + .seconds(125)) == 12)
        let window = clock.windowSeconds(at: start + .seconds(125))
        #expect(abs(window - 55) < 0.001, "five full slots and 5 s of the current one")
        #expect(abs(WindowClock(start: start).windowSeconds(at: start + .seconds(3)) - 3) < 0.001)
    }
}
