import Foundation
import Testing
import TestSupport

/// Issue 15: the README's "Commands" section matches the binary: every
/// command it lists exists, and every flag it names for a command is in that
/// command's `--help`.
@Suite(.timeLimit(.minutes(2)))
struct ReadmeCommandsTests {
    /// Each `newswire COMMAND` row of the Commands table with the flags it names.
    private static func rows() throws -> [(command: String, flags: Set<String>)] {
        let readme = String(decoding: try Data(contentsOf: Repository.root.appendingPathComponent("README.md")), as: UTF8.self)
        let section = try #require(readme.components(separatedBy: "\n## Commands\n").dropFirst().first?.components(separatedBy: "\n## ").first)
        return section.split(separator: "\n").compactMap { line -> (String, Set<String>)? in
            guard line.hasPrefix("| `newswire "), let name = line.dropFirst("| `newswire ".count).split(whereSeparator: { " `".contains($0) }).first
            else { return nil }
            let flags = line.split(whereSeparator: { !($0.isLetter || $0 == "-") }).filter { $0.hasPrefix("--") && $0.count > 2 }
            return (String(name), Set(flags.map(String.init)))
        }
    }

    @Test func everyListedCommandAndFlagExists() async throws {
        let rows = try Self.rows()
        #expect(Set(rows.map(\.command)) == ["demo", "run", "process", "publish", "replay", "broker", "status", "schema"])
        for row in rows {
            let help = try await CommandRunner.run([row.command, "--help"], environment: ["COLUMNS": "300"])
            #expect(help.status == 0, "newswire \(row.command) --help: \(help.stderr)")
            var known = help.stdout
            if row.command == "schema" {
                for sub in ["list", "show", "check"] {
                    known += try await CommandRunner.run(["schema", sub, "--help"], environment: ["COLUMNS": "300"]).stdout
                }
            }
            for flag in row.flags {
                #expect(known.contains(flag + " ") || known.contains(flag + "\n"), "README names \(flag) for newswire \(row.command), which its --help lacks")
            }
        }
    }
}
