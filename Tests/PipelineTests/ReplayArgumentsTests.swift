import ArticleText
import Foundation
import Pipeline
import Testing
import TestSupport

/// The pure parts of a replay's arguments: which stages by default, the
/// group's name, the live-group check, bounds and the progress line.
@Suite(.timeLimit(.minutes(1))) struct ReplayArgumentsTests {
    let live = ReplayStages.liveEnrichedVersion

    @Test func defaultStagesAreThoseWhoseVersionChanges() throws {
        #expect(ReplayStages.defaults(enrichedVersion: SchemaVersion(major: 2, minor: 0)) == [.enrich])
        #expect(ReplayStages.defaults(enrichedVersion: live) == Set(Stage.allCases))
        #expect(try ReplayStages.parse("parse,enrich") == [.parse, .enrich])
        #expect(try ReplayStages.parse("enrich, normalise") == [.normalise, .enrich])
        #expect(throws: ReplayError.badStages("parse,index")) { try ReplayStages.parse("parse,index") }
        #expect(throws: ReplayError.badStages("")) { try ReplayStages.parse("") }
    }

    @Test func theGroupNameComesFromTheArguments() {
        func name(from: ReplayBound = .beginning, until: ReplayBound = .end, version: SchemaVersion? = nil, stages: Set<Stage> = [.enrich], prefix: String = "articles") -> String {
            ReplayGroup.defaultName(topic: "articles.raw", from: from, until: until, enrichedVersion: version ?? live, stages: stages, topicPrefix: prefix)
        }
        let first = name()
        #expect(first == name())
        #expect(first.hasPrefix("newswire-replay-articles.raw-"))
        #expect(ReplayGroup.isReplayGroup(first))
        let others = [
            name(from: .offset(5)), name(until: .time(Date(timeIntervalSince1970: 1_767_225_600))),
            name(version: SchemaVersion(major: 2, minor: 0)), name(stages: [.parse]), name(prefix: "backfill"),
        ]
        #expect(Set(others + [first]).count == others.count + 1)
        #expect(ReplayGroup.endsGroup(of: first) == first + ".ends")
    }

    @Test func aGroupWithCommitsIsRefusedUnlessItIsAReplayGroupOrForced() throws {
        #expect(throws: ReplayError.liveGroup(group: "newswire", topic: "articles.raw")) {
            try ReplayGroup.check("newswire", committed: [0: 12], topic: "articles.raw", force: false)
        }
        try ReplayGroup.check("newswire", committed: [0: 12], topic: "articles.raw", force: true)
        try ReplayGroup.check("newswire", committed: [:], topic: "articles.raw", force: false)
        try ReplayGroup.check("newswire-replay-x", committed: [0: 12], topic: "articles.raw", force: false)
    }

    @Test func boundsParseOrSayWhatIsWrong() throws {
        #expect(try ReplayBound(parsing: "beginning") == .beginning)
        #expect(try ReplayBound(parsing: "1200") == .offset(1200))
        #expect(try ReplayBound(parsing: "2025-03-07T10:00:00Z") == .time(Date(timeIntervalSince1970: 1_741_341_600)))
        #expect(try ReplayBound(parsing: "2025-03-07") == .time(Date(timeIntervalSince1970: 1_741_305_600)))
        #expect(throws: ReplayError.badBound("yesterday")) { try ReplayBound(parsing: "yesterday") }
        #expect(throws: ReplayError.badBound("-3")) { try ReplayBound(parsing: "-3") }
    }

    @Test func progressShowsCountRateAndTimeLeft() {
        let progress = ReplayProgress(done: 1234, committed: 1200, total: 5000, elapsed: .seconds(2), partitionsFinished: 1, partitionsHeld: 3)
        #expect(progress.rate == 617)
        #expect(progress.eta == .milliseconds(6104))
        #expect(progress.barText(width: 10) == "[==>       ] 1,234/5,000  617 msg/s  ETA 0:06")
        #expect(
            progress.jsonLine
                == #"{"committed":1200,"done":1234,"elapsedSeconds":2,"etaSeconds":6,"partitionsFinished":1,"partitionsHeld":3,"ratePerSecond":617,"replay":"progress","total":5000}"#
        )
        let waiting = ReplayProgress(done: 0, committed: 0, total: 0, elapsed: .seconds(1), partitionsFinished: 0, partitionsHeld: 0)
        #expect(waiting.barText(width: 3) == "[>  ] waiting for partitions")
        let start = ReplayProgress(done: 0, committed: 0, total: 1_000_000, elapsed: .zero, partitionsFinished: 0, partitionsHeld: 2)
        #expect(start.barText(width: 4) == "[>   ] 0/1,000,000  0 msg/s  ETA --:--")
        #expect(start.jsonLine.contains(#""etaSeconds":null"#))
        let long = ReplayProgress(done: 1, committed: 1, total: 3601, elapsed: .seconds(1), partitionsFinished: 0, partitionsHeld: 1)
        #expect(long.barText(width: 2).hasSuffix("ETA 1:00:00"))
        let done = ReplayProgress(done: 10, committed: 10, total: 10, elapsed: .milliseconds(2500), partitionsFinished: 1, partitionsHeld: 1)
        #expect(done.barText(width: 3) == "[===] 10/10  4 msg/s  ETA 0:00")
        #expect(done.jsonLine.contains(#""ratePerSecond":4,"#))
        #expect(done.jsonLine.contains(#""elapsedSeconds":2.5,"#))
    }
}
