import ArgumentParser
import Foundation
import Testing
import TestSupport
@testable import newswire

/// Issue 15, rows 11 and 12: a bad value is followed by that subcommand's
/// usage, help shows the defaults, and help examples are printed whole.
@Suite(.timeLimit(.minutes(2)))
struct UsageTests {
    @Test(arguments: [
        (["run", "--output-version", "9.9"], "run", "Error: --output-version '9.9' is not a version this build writes; use 1.0, 1.1, 1.2, 2.0 or 2.1"),
        (["run", "--stats-address", "foo"], "run",
         "Error: --stats-address 'foo' is not HOST:PORT; write e.g. 127.0.0.1:8080, 0.0.0.0:8080 (all interfaces) or off"),
        (["publish", "--brokers", "localhost:9092", "x"], "publish", "Error: publish needs --topic NAME (or NEWSWIRE_TOPIC), e.g. --topic articles.raw"),
        (["process", "--output-version", "9.9", "-"], "process",
         "Error: --output-version '9.9' is not a version this build writes; use 1.0, 1.1, 1.2, 2.0 or 2.1"),
    ])
    func badValuesShowTheSubcommandsUsage(arguments: [String], command: String, sentence: String) async throws {
        let run = try await CommandRunner.run(arguments)
        #expect(run.status == 64)
        #expect(run.stderrLines.first.map(String.init) == sentence, "\(run.stderr)")
        #expect(run.stderrLines.dropFirst().first?.hasPrefix("Usage: newswire \(command) ") == true, "\(run.stderr)")
        #expect(!run.stderr.contains("newswire <subcommand>"))
    }

    @Test(arguments: [
        ("run", ["(default: newswire)", "(default: 127.0.0.1:8080)", "(default: articles.raw)", "(default: at-least-once)", "(default: 1.2)"]),
        ("broker", ["(default: 1)"]),
        ("status", ["(default: newswire)", "(default: 10)"]),
        ("replay", ["(default: beginning)", "(default: end)"]),
        ("process", ["default: enrich)", "default: auto)"]),
    ])
    func helpShowsTheDefaults(command: String, defaults: [String]) async throws {
        let run = try await CommandRunner.run([command, "--help"], environment: ["COLUMNS": "300"])
        #expect(run.status == 0)
        for text in defaults {
            #expect(run.stdout.contains(text), "\(command) --help lacks \(text)")
        }
    }

    /// Every example line of every command's discussion is printed as it is
    /// written, at the default 80 columns, so it copies and pastes.
    @Test(arguments: ["demo", "run", "process", "publish", "replay", "broker", "status", "schema"])
    func helpExamplesArePrintedWhole(name: String) async throws {
        let command = try #require(Newswire.configuration.subcommands.first { $0.configuration.commandName == name })
        let examples = command.configuration.discussion.split(separator: "\n").filter { $0.hasPrefix("  ") }
        let run = try await CommandRunner.run([name, "--help"], environment: ["COLUMNS": "80"])
        let printed = Set(run.stdout.split(separator: "\n"))
        for line in examples {
            #expect(printed.contains(line), "\(name) --help wraps the example '\(line)'")
        }
    }
}
