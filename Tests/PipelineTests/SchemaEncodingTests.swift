import ArticleText
import Foundation
import Testing
@testable import Pipeline
import TestSupport

@Suite(.timeLimit(.minutes(5))) struct SchemaEncodingTests {
    static let v1_0 = SchemaVersion(major: 1, minor: 0)
    static let v1_1 = SchemaVersion(major: 1, minor: 1)
    static let v2_0 = SchemaVersion(major: 2, minor: 0)

    private func object(_ bytes: [UInt8]) throws -> [String: JSONValue] {
        try #require(try JSONValue(parsing: bytes).objectValue)
    }

    @Test func encodingIsByteIdenticalEveryTime() throws {
        let record = SampleArticles.enriched()[0]
        for version in [Self.v1_0, Self.v1_1, Self.v2_0] {
            let first = try RecordEncoding.encode(record, schema: .enriched, version: version)
            for _ in 0..<5 {
                #expect(try RecordEncoding.encode(record, schema: .enriched, version: version) == first)
            }
        }
    }

    @Test func unknownValuesAreExplicitNulls() throws {
        let fields = try object(RecordEncoding.encode(SampleArticles.enriched()[1], schema: .enriched, version: Self.v1_1))
        #expect(fields["title"] == .null)
        #expect(fields["publishedAt"] == .null)
        #expect(fields["source"] == .null)
        #expect(fields["language"] == .null)
        #expect(fields["languageConfidence"] == .null)
        #expect(fields["numbers"]?.arrayValue?.first?["unit"] == .null)
        #expect(fields["entities"] == .array([]))
        #expect(fields["quotes"]?.arrayValue?.first?["speaker"] == .null)
        #expect(Set(fields.keys) == Set(ArticleRecord.Field.allCases.map(\.rawValue)))
    }

    @Test func version1_0LacksTheFieldsThat1_1Added() throws {
        let record = SampleArticles.enriched()[0]
        let old = try object(RecordEncoding.encode(record, schema: .enriched, version: Self.v1_0))
        let new = try object(RecordEncoding.encode(record, schema: .enriched, version: Self.v1_1))
        #expect(Set(new.keys).subtracting(old.keys) == ["languageConfidence", "script", "numbers"])
        #expect(old["schemaVersion"] == .string("1.0"))
        #expect(new["schemaVersion"] == .string("1.1"))
        #expect(new["schema"] == .string("article.enriched"))
        #expect(new["script"] == .string("Arab"))
    }

    @Test func version2GroupsMentionsByEntity() throws {
        let fields = try object(RecordEncoding.encode(SampleArticles.enriched()[0], schema: .enriched, version: Self.v2_0))
        let groups = try #require(fields["entities"]?.arrayValue)
        #expect(groups.count == 3)
        let cairo = try #require(groups.first)
        #expect(cairo["id"] == .string("place:eg-cairo"))
        #expect(cairo["type"] == .string("PLACE"))
        #expect(cairo["mentions"]?.arrayValue?.count == 2)
        #expect(groups[1]["id"] == .null)
        #expect(fields["schemaVersion"] == .string("2.0"))
    }

    @Test func groupingKeepsUnlinkedEntitiesOfDifferentTypesApart() {
        let entities = [
            Entity(text: "Jordan", type: .place, start: 20, end: 26),
            Entity(text: "Jordan", type: .person, start: 0, end: 6),
            Entity(text: "Jordan", type: .place, start: 40, end: 46),
        ]
        let groups = EntityGroup.grouping(entities)
        #expect(groups.map(\.type) == [.person, .place])
        #expect(groups[1].mentions.map(\.start) == [20, 40])
    }

    @Test func earlierStagesNeverCarryLaterFields() throws {
        let enriched = SampleArticles.enriched()[0]
        let parsed = try object(RecordEncoding.encode(enriched, schema: .parsed, version: Self.v1_0))
        #expect(parsed["entities"] == .null)
        #expect(parsed["fingerprint"] == .null)
        #expect(parsed["paragraphs"]?.arrayValue?.count == 2)
        #expect(parsed["schema"] == .string("article.parsed"))
        let normalised = try object(RecordEncoding.encode(enriched, schema: .normalised, version: Self.v1_0))
        #expect(normalised["paragraphs"] == .null)
        #expect(normalised["agency"] == .null)
        #expect(normalised["title"] != .null)
    }

    @Test func theCurrentFormDecodesBackToTheSameRecord() throws {
        for record in SampleArticles.enriched() {
            let bytes = try RecordEncoding.encode(record, schema: .enriched, version: Self.v1_1)
            #expect(try JSONDecoder().decode(ArticleRecord.self, from: Data(bytes)) == record)
        }
    }

    @Test func unknownVersionsAndNonRecordsAreRefused() {
        let record = SampleArticles.enriched()[0]
        let supported = [Self.v1_0, Self.v1_1, SchemaVersion(major: 1, minor: 2), Self.v2_0, SchemaVersion(major: 2, minor: 1)]
        #expect(throws: SchemaError.unsupportedVersion(schema: .enriched, version: SchemaVersion(major: 1, minor: 7), supported: supported)) {
            try RecordEncoding.encode(record, schema: .enriched, version: SchemaVersion(major: 1, minor: 7))
        }
        #expect(throws: SchemaError.notAnArticleRecord(.raw)) {
            try RecordEncoding.encode(record, schema: .raw, version: Self.v1_0)
        }
    }

    @Test func encoderVersionsMatchTheSchemaFiles() throws {
        let library = try SchemaLibrary(directory: Repository.schemas)
        for (schema, versions) in RecordEncoding.versions {
            #expect(library.versions(of: schema.rawValue) == versions, "\(schema.rawValue)")
        }
        #expect(Set(library.names) == Set(SchemaName.allCases.map(\.rawValue)))
        #expect(RecordEncoding.latest(.enriched, major: 1) == SchemaVersion(major: 1, minor: 2))
        #expect(RecordEncoding.latest(.enriched) == SchemaVersion(major: 2, minor: 1))
    }

    @Test func topicsCarryTheMajorVersion() throws {
        let topics = OutputTopics()
        #expect(try topics.topic(for: .enriched, version: Self.v1_1) == "articles.enriched.v1")
        #expect(try topics.topic(for: .enriched, version: Self.v2_0) == "articles.enriched.v2")
        #expect(try topics.topic(for: .normalised, version: Self.v1_0) == "articles.normalised.v1")
        #expect(try topics.topic(for: .deadLetter, major: 1) == topics.deadLetter)
        #expect(topics.deadLetter == "articles.dlq.v1")
        #expect(throws: SchemaError.noOutputTopic(.stats)) { try topics.topic(for: .stats, major: 1) }
    }

    @Test func versionsParseStrictly() {
        #expect(SchemaVersion("1.10") == SchemaVersion(major: 1, minor: 10))
        #expect(SchemaVersion("1.10")! > SchemaVersion("1.9")!)
        for bad in ["1", "1.0.0", "01.0", "1.x", "", "-1.0", "1..0"] {
            #expect(SchemaVersion(bad) == nil, "\(bad)")
        }
    }
}
