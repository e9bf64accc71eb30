import ArgumentParser
import ArticleText
import Foundation
import Pipeline

/// `newswire process`: the three stages offline, no Kafka. One JSON line per
/// article on stdout, encoded exactly as the worker encodes it; inputs that a
/// stage rejects are reported on stderr with their reason, and the command
/// then exits non-zero.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Runs the text stages offline on files or standard input; prints one JSON line per article.",
        discussion: """
            Examples:
              newswire process Examples/ar-two-articles.txt
              newswire process --stage parse Examples/
              curl -s https://example.org/a.html | newswire process --input-format html -
            """
    )

    @Option(help: "The last stage to run: normalise, parse or enrich.")
    var stage: Stage = .enrich

    @Option(help: "The input form: auto, text, html or json (a raw-article envelope).")
    var inputFormat: InputFormat = .auto

    @Option(help: "The article.enriched schema version to write, e.g. 1.0, 1.1 or 2.0 (default: newest 1.x).")
    var outputVersion: String?

    @Option(help: "The largest input accepted, in bytes.")
    var maxInputBytes: Int = InputLimits().maxBytes

    @Flag(help: "Treat each non-blank line of each input as its own input (JSON Lines of envelopes).")
    var lines = false

    @Argument(help: "Files or folders to process, or - for standard input.")
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("give at least one file or folder to process, or - to read standard input")
        }
        guard maxInputBytes > 0 else {
            throw ValidationError("--max-input-bytes must be a positive number of bytes, e.g. 2097152")
        }
    }

    func run() async throws {
        let version = try OutputVersion.resolve(Environment.resolve(outputVersion, flag: "output-version"))
        let inputs = try NamedInputs.load(paths, lines: lines)
        var limits = InputLimits()
        limits.maxBytes = maxInputBytes
        var failures = 0
        for input in inputs {
            let raw = RawArticle(bytes: input.bytes, declaredFormat: inputFormat, receivedAt: input.modified)
            do {
                let result = try TextStages.run(raw, through: stage, limits: limits)
                let records = try StageRecords.encode(result, stages: [stage], enrichedVersion: version, source: nil)
                for record in records {
                    StandardStreams.writeLine(record.bytes)
                }
            } catch let error as ArticleTextError {
                failures += 1
                StandardStreams.warn("newswire: \(input.name): \(error.stage.rawValue) failed (\(error.code.rawValue)): \(error.reason)")
            }
        }
        if failures > 0 {
            throw CommandFailure("\(failures) of \(inputs.count) input(s) could not be processed (reasons above)")
        }
    }
}
