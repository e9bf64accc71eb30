import ArticleText
import Foundation
import Kafka
import Testing
@testable import Pipeline
import TestSupport

/// Records and header sets validated by an independent validator (Python
/// `jsonschema`, through Scripts/validate-records.sh) in strict mode: every
/// open object is closed, so a record passes only if its fields are exactly
/// the schema's.
@Suite(.timeLimit(.minutes(5))) struct SchemaValidationTests {
    private func schemaFile(_ name: SchemaName, _ version: String) -> String {
        Repository.schemas.appendingPathComponent("\(name.rawValue)/\(version).json").path
    }

    private func expectValid(_ lines: [[UInt8]], _ name: SchemaName, _ version: String, strict: Bool = true) async throws {
        let run = try await SchemaFixtures.validate(lines, arguments: (strict ? ["--strict"] : []) + [schemaFile(name, version)])
        #expect(run.status == 0, "\(name.rawValue) \(version): \(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("\(lines.count) records, 0 invalid"), "\(run.stdout)")
    }

    @Test func pythonValidatorIsInstalled() async throws {
        let python = Repository.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "no \(python): run Scripts/setup-tools.sh")
    }

    @Test func everySchemaFileIsValidDraft2020_12() async throws {
        let run = try await SchemaFixtures.validate([], arguments: ["--check-schemas", Repository.schemas.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("15 schema files, 0 invalid"))
    }

    @Test(arguments: ["1.0", "1.1", "1.2", "2.0", "2.1"])
    func enrichedRecordsMatchTheirVersionExactly(_ version: String) async throws {
        let parsed = try #require(SchemaVersion(version))
        let lines = try SampleArticles.enriched().map { try RecordEncoding.encode($0, schema: .enriched, version: parsed) }
        try await expectValid(lines, .enriched, version)
    }

    @Test func parsedAndNormalisedRecordsMatchTheirSchemasExactly() async throws {
        let v1 = SchemaVersion(major: 1, minor: 0)
        try await expectValid(try SampleArticles.parsed().map { try RecordEncoding.encode($0, schema: .parsed, version: v1) }, .parsed, "1.0")
        try await expectValid(try SampleArticles.normalised().map { try RecordEncoding.encode($0, schema: .normalised, version: v1) }, .normalised, "1.0")
    }

    @Test func theRecordTypesOwnEncodingIsEnriched1_1() async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let lines = try SampleArticles.enriched().map { record -> [UInt8] in
            var record = record
            record.schemaVersion = "1.1"
            return Array(try encoder.encode(record))
        }
        try await expectValid(lines, .enriched, "1.1")
    }

    @Test func strictModeCatchesAFieldTheSchemaDoesNotList() async throws {
        let line = try RecordEncoding.encode(SampleArticles.enriched()[0], schema: .enriched, version: SchemaVersion(major: 1, minor: 1))
        let relabelled = Array(String(decoding: line, as: UTF8.self)
            .replacingOccurrences(of: "\"schemaVersion\":\"1.1\"", with: "\"schemaVersion\":\"1.0\"").utf8)
        let strict = try await SchemaFixtures.validate([relabelled], arguments: ["--strict", schemaFile(.enriched, "1.0")])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("'languageConfidence'"), "\(strict.stderr)")
        try await expectValid([relabelled], .enriched, "1.0", strict: false)
    }

    @Test func aVersion2RecordIsNotA1_xRecord() async throws {
        let line = try RecordEncoding.encode(SampleArticles.enriched()[0], schema: .enriched, version: SchemaVersion(major: 2, minor: 0))
        let run = try await SchemaFixtures.validate([line], arguments: [schemaFile(.enriched, "1.1")])
        #expect(run.status == 1)
        #expect(run.stderr.contains("schemaVersion"))
    }

    @Test func recordsPickTheirOwnSchemaWithSchemasDir() async throws {
        let v1 = SchemaVersion(major: 1, minor: 0)
        let records = SampleArticles.enriched()
        let lines = [
            try RecordEncoding.encode(records[0], schema: .normalised, version: v1),
            try RecordEncoding.encode(records[0], schema: .parsed, version: v1),
            try RecordEncoding.encode(records[0], schema: .enriched, version: SchemaVersion(major: 1, minor: 1)),
            try RecordEncoding.encode(records[0], schema: .enriched, version: SchemaVersion(major: 2, minor: 0)),
        ]
        let run = try await SchemaFixtures.validate(lines, arguments: ["--strict", "--schemas", Repository.schemas.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func deadLetterHeadersMatchTheirSchema() async throws {
        let headers = DeadLetterHeaders.make(
            stage: .publish, code: "record-too-large", reason: "The broker refused a 2 MB record.", source: SampleArticles.source,
            attempt: 1, inputHeaders: [RecordHeader(name: "traceparent", text: SchemaHeadersTests.traceparent)]
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let line = Array(try encoder.encode(DeadLetterHeaders.jsonObject(headers)))
        try await expectValid([line], .deadLetter, "1.0")
        let everyTextFailure = try ArticleTextError.Code.allCases.flatMap { code in
            try Stage.allCases.map { stage in
                let error = ArticleTextError(code, stage: stage, reason: "Example reason.")
                let set = DeadLetterHeaders.make(for: error, source: SampleArticles.source, attempt: 1)
                return Array(try encoder.encode(DeadLetterHeaders.jsonObject(set)))
            }
        }
        try await expectValid(everyTextFailure, .deadLetter, "1.0")
        let withInputHeader = DeadLetterHeaders.make(
            stage: .parse, code: "no-text", reason: "Nothing but boilerplate.", source: SampleArticles.source, attempt: 3,
            inputHeaders: [RecordHeader(name: "x-crawler", text: "c7")]
        )
        try await expectValid([Array(try encoder.encode(DeadLetterHeaders.jsonObject(withInputHeader)))], .deadLetter, "1.0", strict: false)

        // A dead letter too large for its topic: truncated, with the 1.1 headers.
        let letter = KafkaProducerMessage(
            topic: "articles.dlq.v1", key: nil, value: Array(repeating: 0x78, count: 5000),
            headers: headers.map { KafkaHeader(key: $0.name, value: $0.value) }
        )
        let truncated = DeadLetterFit.fit(letter, limit: 1000, wireSize: KafkaProducer.wireSize(of:))
        #expect((truncated.value?.count ?? 0) < 1000)
        let truncatedHeaders = truncated.headers.map { RecordHeader(name: $0.key, value: $0.value ?? []) }
        try await expectValid([Array(try encoder.encode(DeadLetterHeaders.jsonObject(truncatedHeaders)))], .deadLetter, "1.1")
    }

    @Test func rawEnvelopesOfEveryShapeMatch() async throws {
        let envelopes = [
            #"{"body":"نص فقط"}"#,
            #"{"schema":"article.raw","schemaVersion":"1.0","url":"https://news.example/a","source":"صحيفة المثال","fetchedAt":"2025-01-23T08:00:00Z","language":"ar","contentType":"text/html","body":"<p>نص</p>"}"#,
            #"{"url":null,"source":null,"fetchedAt":null,"language":null,"contentType":null,"body":"x"}"#,
        ]
        try await expectValid(envelopes.map { Array($0.utf8) }, .raw, "1.0")
        let bad = try await SchemaFixtures.validate([Array(#"{"url":"https://news.example/a"}"#.utf8)], arguments: [schemaFile(.raw, "1.0")])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("'body' is a required property"))
        let nullName = try await SchemaFixtures.validate([Array(#"{"schema":null,"body":"x"}"#.utf8)], arguments: [schemaFile(.raw, "1.0")])
        #expect(nullName.status == 1, "the decoder refuses a null schema name, so the schema must too")
    }

    @Test func aStatsDocumentOfTheDesignedShapeMatches() async throws {
        let stats = """
        {"schema":"stats","schemaVersion":"1.0","generatedAt":"2025-01-23T08:00:00Z","pipelineVersion":"0.1.0",
         "workerId":"newswire-1","uptimeSeconds":12.5,"consumerGroup":"newswire","guarantee":"at-least-once","outputVersion":"1.1",
         "topics":{"input":["articles.raw"],"normalised":"articles.normalised.v1","parsed":"articles.parsed.v1","enriched":"articles.enriched.v1","deadLetter":"articles.dlq.v1"},
         "partitions":[{"topic":"articles.raw","partition":0,"committedOffset":40,"highWatermark":42,"lag":2,"inFlight":2,"paused":false},
                       {"topic":"articles.raw","partition":1,"committedOffset":null,"highWatermark":null,"lag":null,"inFlight":0,"paused":true}],
         "stages":{"normalise":{"processed":40,"failed":1,"inFlight":1},"parse":{"processed":44,"failed":0,"inFlight":1},
                   "enrich":{"processed":44,"failed":0,"inFlight":0},"publish":{"processed":132,"failed":0,"inFlight":3}},
         "inFlight":{"messages":2,"limit":1000},
         "throughput":{"windowSeconds":10,"messagesPerSecond":4.2,"articlesPerSecond":4.6,"bytesPerSecond":20480},
         "totals":{"consumed":42,"committed":40,"produced":132,"deadLettered":1}}
        """
        let line = Array(stats.split(separator: "\n").joined().utf8)
        try await expectValid([line], .stats, "1.0")
    }
}
