import Foundation
import Testing
import TestSupport
@testable import newswire

/// Issue 15, row 17: every flag of every command reads `NEWSWIRE_<FLAG>`,
/// the command line wins, and a bad value names its variable.
@Suite(.timeLimit(.minutes(2)))
struct EnvironmentFlagTests {
    private let example = Repository.root.appendingPathComponent("Examples/en-wire-story.txt").path

    @Test func stageComesFromTheEnvironment() async throws {
        let run = try await CommandRunner.run(["process", example], environment: ["NEWSWIRE_STAGE": "parse"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""schema":"article.parsed""#))
    }

    @Test func theCommandLineWins() async throws {
        let run = try await CommandRunner.run(["process", "--stage", "normalise", example], environment: ["NEWSWIRE_STAGE": "parse"])
        #expect(run.stdout.contains(#""schema":"article.normalised""#))
    }

    @Test func aBadValueNamesItsVariable() async throws {
        let run = try await CommandRunner.run(["process", example], environment: ["NEWSWIRE_STAGE": "tokenise"])
        #expect(run.status == 64)
        #expect(run.stderrLines.first?.hasPrefix("Error: The value 'tokenise' is invalid for '--stage <stage>'") == true, "\(run.stderr)")
        #expect(run.stderrLines.first?.hasSuffix("(set by NEWSWIRE_STAGE in the environment)") == true, "\(run.stderr)")
    }

    @Test func onOffFlagsAndListsToo() throws {
        let tree = Newswire._dumpHelp()
        let flags = try EnvironmentArguments(
            arguments: ["process", "x"], environment: ["NEWSWIRE_LINES": "1", "NEWSWIRE_INPUT_FORMAT": "html"], commandTree: tree
        )
        #expect(flags.arguments == ["process", "--input-format", "html", "--lines", "x"])
        let topics = try EnvironmentArguments(
            arguments: ["run"], environment: ["NEWSWIRE_INPUT_TOPIC": "a,b", "NEWSWIRE_VERBOSE": "0"], commandTree: tree
        )
        #expect(topics.arguments == ["run", "--input-topic", "a", "--input-topic", "b"])
        #expect(throws: EnvironmentError.self) {
            try EnvironmentArguments(arguments: ["demo"], environment: ["NEWSWIRE_STAY": "maybe"], commandTree: tree)
        }
    }

    /// Every option and flag of every command has its variable: the tree the
    /// variables are read from lists them all.
    @Test func everyCommandsFlagsAreInTheTree() throws {
        let tree = Newswire._dumpHelp()
        for (command, flag) in [("run", "stats-address"), ("publish", "topic"), ("status", "group"), ("broker", "broker-count"), ("replay", "dry-run")] {
            let variable = EnvironmentArguments.variableName(forFlag: flag)
            let value = flag == "dry-run" ? "1" : "v"
            let applied = try EnvironmentArguments(arguments: [command], environment: [variable: value], commandTree: tree)
            #expect(applied.arguments.contains("--\(flag)"), "\(command) --\(flag) is not read from \(variable)")
        }
    }
}
