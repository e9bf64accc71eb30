import ArgumentParser
import ArticleText
import Evaluation
import Foundation

@main
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-evaluate",
        abstract: "Scores the text stages against labelled articles.",
        subcommands: [LabelsCommand.self, HTMLDatesCommand.self, ShowCommand.self]
    )
}

/// `newswire-evaluate labels --articles DIR --labels FILE.jsonl [--labels FILE2.jsonl …]`
struct LabelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labels",
        abstract: "Per-field accuracy, precision and recall (title, published, updated, agency, related, appended, dateline, entities), one column per label file, then every miss."
    )

    @Option(help: "Folder the labels' file paths are relative to.") var articles: String
    @Option(help: "JSON Lines label file (shape of labels-dev.jsonl); repeat to put parts side by side.") var labels: [String]
    @Flag(help: "Print only the table, not the misses.") var summary = false
    @Option(help: "Score only labels whose file starts with this prefix (repeatable), e.g. pages/ or articles/en_lee.") var only: [String] = []

    func validate() throws {
        guard !labels.isEmpty else { throw ValidationError("Give at least one --labels FILE.jsonl.") }
    }

    func run() throws {
        let root = URL(fileURLWithPath: articles)
        guard FileManager.default.fileExists(atPath: root.path) else {
            throw ValidationError("No folder at \(articles); for the project's own set run Scripts/fetch-eval-corpus.py first.")
        }
        let reports = try labels.map { file in
            (name: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
             report: try LabelEvaluation.run(articles: root, labels: URL(fileURLWithPath: file), only: only))
        }
        print(EvaluationReport.table(columns: reports), terminator: "")
        guard !summary else { return }
        for (_, report) in reports {
            print("")
            print(report.rendered(), terminator: "")
        }
    }
}

/// `newswire-evaluate html-dates --pages DIR --labels labels.jsonl`
struct HTMLDatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "html-dates",
        abstract: "Publication-date accuracy (date part) on labelled HTML pages."
    )

    @Option(help: "Folder holding the HTML pages.") var pages: String
    @Option(help: "JSON Lines labels with file and date.") var labels: String
    @Flag(help: "Do not pass the page URL to the decoder.") var noURL = false
    @Flag(help: "Print only the accuracy line (for scripts).") var summary = false

    func run() throws {
        let report = try HTMLDateEvaluation.run(
            pages: URL(fileURLWithPath: pages), labels: URL(fileURLWithPath: labels), useURL: !noURL
        )
        if summary, let score = report.scores.first {
            print(String(format: "%.1f %d %d", score.accuracy * 100, score.correct, score.total))
        } else {
            print(report.rendered(), terminator: "")
        }
    }
}

/// `newswire-evaluate show FILE…`: what decode → normalise → parse made of
/// each file, one JSON object per article, for looking at misses.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Prints the parsed articles of files as JSON lines."
    )

    @Argument(help: "Input files.") var files: [String]
    @Option(help: "auto, text, html or json.") var format: String = "auto"
    @Flag(help: "Also print the names the enrich stage finds (headline included), as text/TYPE.")
    var entities = false

    func run() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            let articles = try TextPipeline.parse(bytes, format: InputFormat(rawValue: format) ?? .auto)
            for article in articles {
                let fields: [String: [String]] = [
                    "id": [article.id], "parentId": article.parentId.map { [$0] } ?? [],
                    "title": article.title.map { [$0] } ?? [], "publishedAt": article.publishedAt.map { [$0] } ?? [],
                    "updatedAt": article.updatedAt.map { [$0] } ?? [], "agency": article.agency.map { [$0] } ?? [],
                    "dateline": article.dateline.map { [$0] } ?? [], "related": article.related,
                    "paragraphs": article.paragraphs.map { String($0.prefix(60)) },
                ]
                var shown = fields
                if entities {
                    let found: [Entity] = EntityMatching.entities(of: [article])
                    shown["entities"] = found.map { "\($0.canonicalName)/\($0.type.rawValue)" }
                }
                print(String(decoding: try encoder.encode(shown), as: UTF8.self))
            }
        }
    }
}
