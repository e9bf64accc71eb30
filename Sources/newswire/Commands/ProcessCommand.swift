import ArgumentParser
import ArticleText
import Foundation
import Pipeline

/// `newswire process`: the three stages offline, no Kafka. One JSON line per
/// article on stdout, encoded exactly as the worker encodes it, with the
/// input's path (and line) in `sourceFile`; inputs that a stage rejects are
/// reported on stderr with their reason, and the command then exits non-zero.
struct ProcessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "process",
        abstract: "Runs the text stages offline on files or standard input; prints one JSON line per article.",
        discussion: """
            A .json file must be an article.raw envelope; .jsonl and .ndjson files need --lines.

            Examples:
              newswire process Examples/ar-two-articles.txt
              newswire process --stage parse Examples/
              newswire process --lines feed.jsonl
              curl -s https://example.org/a.html | newswire process -
            """
    )

    @Option(help: "The last stage to run: normalise, parse or enrich.")
    var stage: Stage = .enrich

    @Option(help: "The input form: auto, text, html or json (a raw-article envelope); auto reads .json files as json.")
    var inputFormat: InputFormat = .auto

    @Option(help: "The article.enriched schema version to write: \(OutputVersion.supportedList).")
    var outputVersion = OutputVersion.defaultVersion.description

    @Option(help: "The largest input accepted, in bytes.")
    var maxInputBytes: Int = InputLimits().maxBytes

    @Flag(help: "Treat each non-blank line of each input as its own input (JSON Lines of envelopes).")
    var lines = false

    @Argument(help: "Files or folders to process, or - for standard input.")
    var paths: [String] = []

    func validate() throws {
        guard !paths.isEmpty else {
            throw ValidationError("give at least one file or folder to process, or - to read standard input")
        }
        guard maxInputBytes > 0 else {
            throw ValidationError("--max-input-bytes must be a positive number of bytes, e.g. 2097152")
        }
        _ = try OutputVersion.resolve(outputVersion)
    }

    func run() async throws {
        let version = try OutputVersion.resolve(outputVersion)
        let inputs = try NamedInput.load(paths, lines: lines)
        var limits = InputLimits()
        limits.maxBytes = maxInputBytes
        var failures = 0
        for input in inputs {
            do {
                for record in try records(of: input, version: version, limits: limits) {
                    StandardStreams.writeLine(record.bytes)
                }
            } catch let error as ArticleTextError {
                failures += 1
                StandardStreams.warn("newswire: \(input.name): \(error.stage.rawValue) failed (\(error.code.rawValue)): \(error.reason)")
            } catch let error as InputProblem {
                failures += 1
                StandardStreams.warn("newswire: \(input.name): \(error.message)")
            }
        }
        if failures > 0 {
            throw CommandFailure("\(failures) of \(inputs.count) input(s) could not be processed (reasons above)")
        }
    }

    /// What one input becomes. The stages run through parse even for
    /// `--stage normalise`, so the normalised record is keyed by its first
    /// article's id, as the worker keys it.
    private func records(of input: NamedInput, version: SchemaVersion, limits: InputLimits) throws -> [EncodedRecord] {
        if input.line == nil && inputFormat == .auto && InputFiles.isJSONLines(input.path) {
            throw InputProblem(message: "a JSON Lines file is read one line per input; pass --lines")
        }
        let format: InputFormat = inputFormat == .auto && InputFiles.isJSON(input.path) ? .json : inputFormat
        let raw = RawArticle(bytes: input.bytes, declaredFormat: format, receivedAt: input.modified)
        let sourceFile = SourceFile(path: input.path, line: input.line)
        let result = try stagesOutput(raw, limits: limits)
        return try StageRecords.encode(result, stages: [stage], enrichedVersion: version, source: nil, sourceFile: sourceFile)
    }

    private func stagesOutput(_ raw: RawArticle, limits: InputLimits) throws(ArticleTextError) -> TextStages.Output {
        do {
            return try TextStages.run(raw, through: max(stage, .parse), limits: limits)
        } catch where stage == .normalise && error.stage == .parse {
            // No article text: the normalised record exists all the same,
            // keyed by the input's content (the worker dead-letters it at parse).
            return try TextStages.run(raw, through: .normalise, limits: limits)
        }
    }
}

/// An input `process` will not read as given, with what to do instead.
struct InputProblem: Error {
    var message: String
}
