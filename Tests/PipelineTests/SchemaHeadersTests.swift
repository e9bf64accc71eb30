import ArticleText
import Testing
@testable import Pipeline
import TestSupport

@Suite(.timeLimit(.minutes(5))) struct SchemaHeadersTests {
    static let traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"

    private func pairs(_ headers: [RecordHeader]) -> [String] {
        headers.map { "\($0.name)=\($0.text ?? "<bytes>")" }
    }

    @Test func outputHeadersNameTheSchemaTheSourceAndTheBuild() {
        let headers = OutputHeaders.make(
            schema: .enriched, version: SchemaVersion(major: 1, minor: 0), source: SampleArticles.source,
            pipelineVersion: "0.1.0",
            inputHeaders: [RecordHeader(name: "traceparent", text: Self.traceparent), RecordHeader(name: "x-crawler", text: "c7")]
        )
        #expect(pairs(headers) == [
            "content-type=application/json",
            "newswire-schema=article.enriched",
            "newswire-schema-version=1.0",
            "newswire-source=articles.raw/3/1207",
            "newswire-pipeline=0.1.0",
            "traceparent=\(Self.traceparent)",
        ])
    }

    @Test func offlineRecordsHaveNoSourceHeader() {
        let headers = OutputHeaders.make(schema: .parsed, version: SchemaVersion(major: 1, minor: 0), source: nil)
        #expect(!headers.contains { $0.name == HeaderName.source })
        #expect(headers.last?.name == HeaderName.pipeline)
        #expect(headers.last?.text == PipelineVersion.current)
    }

    @Test(arguments: [
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future-field",
    ])
    func validTraceparentsPassUnchanged(_ value: String) {
        let input = [RecordHeader(name: "traceparent", text: value), RecordHeader(name: "tracestate", text: "vendor=abc")]
        #expect(TraceContext.propagated(from: input) == input)
    }

    @Test(arguments: [
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
        "00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
        "",
    ])
    func invalidTraceparentsAreDroppedWithTheirState(_ value: String) {
        let input = [RecordHeader(name: "traceparent", text: value), RecordHeader(name: "tracestate", text: "vendor=abc")]
        #expect(TraceContext.propagated(from: input).isEmpty)
    }

    @Test func twoTraceparentsAreAmbiguousAndDropped() {
        let one = RecordHeader(name: "traceparent", text: Self.traceparent)
        #expect(TraceContext.propagated(from: [one, one]).isEmpty)
    }

    @Test func deadLetterHeadersKeepTheInputsAndDescribeTheFailure() {
        let input = [
            RecordHeader(name: "content-type", text: "text/html"),
            RecordHeader(name: "newswire-dlq-attempt", text: "1"),
            RecordHeader(name: "traceparent", text: Self.traceparent),
        ]
        let error = ArticleTextError(.invalidUTF8, stage: .normalise, reason: "The input is not valid UTF-8 at byte 17.")
        let previous = DeadLetterHeaders.attempt(in: input)
        #expect(previous == 1)
        let headers = DeadLetterHeaders.make(
            for: error, source: SampleArticles.source, attempt: (previous ?? 0) + 1, pipelineVersion: "0.1.0", inputHeaders: input
        )
        #expect(pairs(headers) == [
            "content-type=text/html",
            "newswire-schema=article.deadletter",
            "newswire-schema-version=1.0",
            "newswire-dlq-stage=normalise",
            "newswire-dlq-code=invalid-utf8",
            "newswire-dlq-reason=The input is not valid UTF-8 at byte 17.",
            "newswire-source=articles.raw/3/1207",
            "newswire-dlq-attempt=2",
            "newswire-pipeline=0.1.0",
            "traceparent=\(Self.traceparent)",
        ])
        #expect(DeadLetterHeaders.attempt(in: headers) == 2)
    }

    @Test func deadLetterStagesFollowTheTextStages() {
        #expect(Stage.allCases.map(DeadLetterStage.init).map(\.rawValue) == ["normalise", "parse", "enrich"])
    }
}
