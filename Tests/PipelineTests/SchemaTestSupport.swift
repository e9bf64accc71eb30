import ArticleText
import Foundation
import Pipeline

/// Paths, processes and hand-made records shared by the schema tests.
enum SchemaTestSupport {
    /// The package root: the nearest folder above this file with a Package.swift.
    static let packageRoot: URL = {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            folder = folder.deletingLastPathComponent()
        }
        return folder
    }()

    static var schemasDirectory: URL { packageRoot.appendingPathComponent("Schemas", isDirectory: true) }

    /// The Python with `jsonschema` that Scripts/setup-tools.sh installs.
    static var python: String {
        ProcessInfo.processInfo.environment["NEWSWIRE_TEST_PYTHON"]
            ?? packageRoot.appendingPathComponent(".tools/venv/bin/python").path
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion with `input` on its stdin; output goes
    /// through files, so a large output cannot block it.
    /// Waits off Swift's cooperative threads (through the termination
    /// handler), so concurrent async tests keep running.
    static func run(_ executable: String, _ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:]) async throws -> Run {
        let scratch = try temporaryDirectory()
        defer { remove(scratch) }
        let inURL = scratch.appendingPathComponent("stdin")
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data(input).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: inURL)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return Run(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// Runs Scripts/validate-records.sh (Python jsonschema) on JSON Lines.
    static func validate(_ lines: [[UInt8]], arguments: [String]) async throws -> Run {
        var input: [UInt8] = []
        for line in lines { input += line + [UInt8(ascii: "\n")] }
        let script = packageRoot.appendingPathComponent("Scripts/validate-records.sh").path
        return try await run("/bin/bash", [script] + arguments, input: input, environment: ["NEWSWIRE_PYTHON": python])
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newswire-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) {
        do {
            try FileManager.default.removeItem(at: url)
        } catch {
            print("could not remove \(url.path): \(error)")
        }
    }

    /// A copy of `Schemas/` to break.
    static func copyOfSchemas() throws -> URL {
        let scratch = try temporaryDirectory()
        let copy = scratch.appendingPathComponent("Schemas")
        try FileManager.default.copyItem(at: schemasDirectory, to: copy)
        return copy
    }

    /// Rewrites `NAME/VERSION.json` under `directory` through `edit`.
    static func editSchema(_ directory: URL, _ name: String, _ version: String, _ edit: (inout JSONValue) -> Void) throws {
        let file = directory.appendingPathComponent(name).appendingPathComponent("\(version).json")
        var root = try JSONValue(parsing: Array(try Data(contentsOf: file)))
        edit(&root)
        try write(root, to: file)
    }

    static func write(_ value: JSONValue, to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoder.encode(value).write(to: file)
    }
}

extension JSONValue {
    /// Sets (or with `nil` removes) the member at `path` of nested objects.
    mutating func set(_ path: [String], _ value: JSONValue?) {
        guard case var .object(members) = self, let key = path.first else { return }
        if path.count == 1 {
            members[key] = value
        } else {
            var child = members[key] ?? .object([:])
            child.set(Array(path.dropFirst()), value)
            members[key] = child
        }
        self = .object(members)
    }

    /// The value at `path` of nested objects.
    func at(_ path: [String]) -> JSONValue? {
        var node: JSONValue? = self
        for key in path { node = node?[key] }
        return node
    }
}

/// Hand-made stage results (our own text, not the corpus) and the records
/// built from them.
enum SampleArticles {
    static let pipelineVersion = "0.1.0"
    static let source = SourcePosition(topic: "articles.raw", partition: 3, offset: 1_207)

    /// Offsets (in Unicode scalars) of the `occurrence`-th `needle` in `text`.
    static func span(_ needle: String, in text: String, occurrence: Int = 1) -> (start: Int, end: Int) {
        let scalars = Array(text.unicodeScalars)
        let target = Array(needle.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - target.count) where Array(scalars[start..<(start + target.count)]) == target {
            seen += 1
            if seen == occurrence { return (start, start + target.count) }
        }
        return (0, 0)
    }

    static let full = ParsedArticle(
        id: "a1b2c3d4e5f60718", title: "افتتاح معرض الكتاب في القاهرة",
        publishedAt: "2025-01-23T10:30:00+02:00", updatedAt: "2025-01-24", outlet: "صحيفة المثال",
        agency: "رويترز", dateline: "القاهرة", url: "https://news.example/culture/book-fair",
        declaredLanguage: "ar",
        paragraphs: [
            "القاهرة (رويترز) - افتتحت وزارة الثقافة معرض القاهرة للكتاب بمشاركة 1800 ناشر.",
            "وقال وزير الثقافة: \"المعرض نافذة على العالم\". وتستمر الدورة في القاهرة أسبوعين.",
        ],
        related: ["مرتبط: أسعار الكتب ترتفع"]
    )

    static var fullEnrichment: Enrichment {
        let text = full.text
        let cairo1 = span("القاهرة", in: text, occurrence: 1)
        let cairo3 = span("القاهرة", in: text, occurrence: 3)
        let ministry = span("وزارة الثقافة", in: text)
        let fair = span("معرض القاهرة للكتاب", in: text)
        let quote = span("المعرض نافذة على العالم", in: text)
        let number = span("1800", in: text)
        return Enrichment(
            language: "ar", languageConfidence: 0.97, script: "Arab",
            entities: [
                Entity(text: "القاهرة", type: .place, start: cairo1.start, end: cairo1.end, id: "place:eg-cairo"),
                Entity(text: "وزارة الثقافة", type: .org, start: ministry.start, end: ministry.end),
                Entity(text: "معرض القاهرة للكتاب", type: .event, start: fair.start, end: fair.end),
                Entity(text: "القاهرة", type: .place, start: cairo3.start, end: cairo3.end, id: "place:eg-cairo"),
            ],
            quotes: [Quote(text: "المعرض نافذة على العالم", speaker: "وزير الثقافة", start: quote.start, end: quote.end)],
            numbers: [NumberMention(text: "1800", value: 1800, unit: "ناشر", start: number.start, end: number.end)],
            topics: [TopicScore(code: "medtop:01000000", label: "arts, culture, entertainment and media", score: 0.82)],
            keywords: ["معرض", "الكتاب", "ناشر"], readingTimeSeconds: 12,
            fingerprint: Fingerprint(simhash: "9f3a00c41b7e2d56")
        )
    }

    /// Nothing stated: no title, dates, outlet or URL; nothing found.
    static let bare = ParsedArticle(id: "0000aaaa1111bbbb", paragraphs: ["Short note without a headline."])

    static let bareEnrichment = Enrichment(
        language: nil, languageConfidence: nil, script: "Latn", entities: [],
        quotes: [Quote(text: "second story", speaker: nil, start: 2, end: 14)],
        numbers: [NumberMention(text: "two", value: 2, unit: nil, start: 0, end: 3)], topics: [], keywords: [],
        readingTimeSeconds: 1, fingerprint: Fingerprint(simhash: "0000000000000001")
    )

    /// An appended article split out of `full`.
    static let child = ParsedArticle(
        id: "feedbeef00112233", parentId: full.id, title: "Second story", declaredLanguage: "en",
        paragraphs: ["A second story, appended after a read-also block.", "Its second paragraph."]
    )

    static func enriched() -> [ArticleRecord] {
        [
            ArticleRecord.enriched(full, enrichment: fullEnrichment, searchText: "افتتاح معرض", source: source, pipelineVersion: pipelineVersion),
            ArticleRecord.enriched(bare, enrichment: bareEnrichment, searchText: "short note", source: nil, pipelineVersion: pipelineVersion),
            ArticleRecord.enriched(child, enrichment: bareEnrichment, searchText: "a second story", source: source, pipelineVersion: pipelineVersion),
        ]
    }

    static func parsed() -> [ArticleRecord] {
        [full, bare, child].map { ArticleRecord.parsed($0, searchText: "folded", source: source, pipelineVersion: pipelineVersion) }
    }

    static func normalised() -> [ArticleRecord] {
        let document = NormalisedDocument(
            text: full.paragraphs.joined(separator: "\n"), searchText: "folded", format: .json,
            metadata: DocumentMetadata(url: full.url, title: full.title, publishedAt: full.publishedAt, language: "ar", outlet: "صحيفة المثال"),
            receivedAt: nil, report: NormalisationReport(removedControls: 2)
        )
        let plain = NormalisedDocument(
            text: "Short note without a headline.", searchText: "short note without a headline.", format: .text,
            metadata: DocumentMetadata(), receivedAt: nil, report: NormalisationReport()
        )
        return [
            ArticleRecord.normalised(document, id: full.id, source: source, pipelineVersion: pipelineVersion),
            ArticleRecord.normalised(plain, id: bare.id, source: nil, pipelineVersion: pipelineVersion),
        ]
    }
}
