import ArgumentParser
import Foundation
import Pipeline

/// `newswire schema list|show|check`: the versioned record schemas bundled
/// into the binary (or another folder with `--dir`) and the compatibility
/// check CI runs over them. The rules live in Pipeline's `SchemaCheck`.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "List, show and check the versioned record schemas.",
        subcommands: [List.self, Show.self, Check.self]
    )

    /// Where the schemas are read from.
    struct Source: ParsableArguments {
        @Option(name: .long, help: "A schema folder laid out as NAME/MAJOR.MINOR.json (default: the schemas built into this binary).")
        var dir: String?

        /// The schemas; a folder without any is an error, not an empty pass.
        func library() throws -> SchemaLibrary {
            let library = try dir.map { try SchemaLibrary(directory: URL(fileURLWithPath: $0, isDirectory: true)) } ?? SchemaLibrary.bundled()
            guard !library.documents.isEmpty else {
                throw CommandFailure("no schemas in \(library.location): expected files laid out as NAME/MAJOR.MINOR.json, e.g. article.enriched/1.0.json; check --dir")
            }
            return library
        }
    }

    /// `newswire schema list`: each schema with its versions.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print each schema with its versions.")

        @OptionGroup var source: Source

        func run() throws {
            let library = try source.library()
            let width = library.names.map(\.count).max() ?? 0
            for name in library.names {
                let versions = library.versions(of: name).map(\.description).joined(separator: " ")
                print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + versions)
            }
        }
    }

    /// `newswire schema show NAME[@VERSION]`: the schema file, byte for byte.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a schema file (the newest version unless NAME@VERSION).")

        @Argument(help: "A schema name, optionally with @MAJOR.MINOR, e.g. article.enriched@1.1.")
        var reference: String

        @OptionGroup var source: Source

        func run() throws {
            let parts = reference.split(separator: "@", maxSplits: 1).map(String.init)
            var version: SchemaVersion?
            if parts.count == 2 {
                guard let parsed = SchemaVersion(parts[1]) else {
                    throw ValidationError("\"\(parts[1])\" is not a MAJOR.MINOR version.")
                }
                version = parsed
            }
            let document = try source.library().document(parts.first ?? reference, version: version)
            FileHandle.standardOutput.write(Data(document.bytes))
        }
    }

    /// `newswire schema check`: exits non-zero naming every broken rule.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every schema's form, that minor versions are compatible and that major versions are needed."
        )

        @OptionGroup var source: Source

        func run() throws {
            let library = try source.library()
            let report = SchemaCheck.run(library)
            for note in report.notes {
                print(note)
            }
            let summary = "\(report.schemaCount) schemas, \(report.versionCount) versions in \(library.location)"
            guard report.passed else {
                var lines = report.problems.map(\.description)
                lines.append("schema check failed: \(report.problems.count) problem(s); \(summary)")
                FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
                throw ExitCode.failure
            }
            print("schema check passed: \(summary)")
        }
    }
}

/// Lets any subcommand take a `MAJOR.MINOR` option, e.g. `--output-version 1.1`.
extension SchemaVersion: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}
