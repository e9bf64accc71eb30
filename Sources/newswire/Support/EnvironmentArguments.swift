import Foundation

/// Every flag also reads `NEWSWIRE_<FLAG>` from the environment (upper-cased,
/// dashes as underscores), for containers: before parsing, the value of each
/// such variable is added to the command line as the flag it names, unless
/// the command line gives that flag itself. So every option of every command,
/// including ones added later, gets its variable, and the value is checked
/// exactly as the flag would be.
///
/// The flags of each command come from ArgumentParser's own description of
/// the command tree (`_dumpHelp()`, the JSON behind `--experimental-dump-help`).
/// Repeatable options take a comma-separated list; on/off flags take 1, true,
/// yes or on (0, false, no, off or empty: not set).
struct EnvironmentArguments {
    /// The command line with the environment's flags added.
    var arguments: [String]
    /// Each added flag (`--stage`) and the variable it came from.
    var sources: [(flag: String, variable: String)]

    static func variableName(forFlag flag: String) -> String {
        "NEWSWIRE_" + String(flag.map { $0 == "-" ? "_" : Character($0.uppercased()) })
    }

    /// Flags every command has that make no sense to set from the environment.
    private static let ignored: Set<String> = ["help", "version", "experimental-dump-help"]

    init(arguments given: [String], environment: [String: String], commandTree: String) throws {
        arguments = given
        sources = []
        guard let root = (try JSONSerialization.jsonObject(with: Data(commandTree.utf8)) as? [String: Any])?["command"] as? [String: Any]
        else {
            throw EnvironmentError(message: "this build cannot read its own command tree, so NEWSWIRE_<FLAG> variables cannot be applied; unset them and pass flags")
        }
        // Descend through subcommand names at the front of the command line.
        var command = root
        var position = 0
        while position < given.count,
              let next = (command["subcommands"] as? [[String: Any]])?.first(where: { $0["commandName"] as? String == given[position] })
        {
            command = next
            position += 1
        }
        let ownArguments = given[position...].prefix { $0 != "--" }
        var added: [String] = []
        for argument in command["arguments"] as? [[String: Any]] ?? [] {
            let kind = argument["kind"] as? String
            guard kind == "option" || kind == "flag",
                  let long = (argument["names"] as? [[String: Any]])?.first(where: { $0["kind"] as? String == "long" })?["name"] as? String,
                  !Self.ignored.contains(long)
            else { continue }
            let variable = Self.variableName(forFlag: long)
            guard let value = environment[variable], !ownArguments.contains(where: { $0 == "--\(long)" || $0.hasPrefix("--\(long)=") })
            else { continue }
            if kind == "flag" {
                switch value.lowercased() {
                case "1", "true", "yes", "on": added.append("--\(long)")
                case "0", "false", "no", "off", "": continue
                default:
                    throw EnvironmentError(message: "\(variable)='\(value)' is not on or off; set it to 1 (on) or 0 (off), or unset it")
                }
            } else if value.isEmpty {
                continue
            } else if argument["isRepeating"] as? Bool == true {
                for item in value.split(separator: ",", omittingEmptySubsequences: true) {
                    added += ["--\(long)", String(item)]
                }
            } else {
                added += ["--\(long)", value]
            }
            sources.append(("--\(long)", variable))
        }
        arguments.insert(contentsOf: added, at: position)
    }

    /// `message` with the variable named after a flag that came from the
    /// environment, so an error about `--stage` says it was NEWSWIRE_STAGE.
    func attributing(_ message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let first = lines.first else { return message }
        let named = sources.filter { first.contains($0.flag) }.map(\.variable)
        guard !named.isEmpty else { return message }
        lines[0] = first + " (set by \(named.joined(separator: ", ")) in the environment)"
        return lines.joined(separator: "\n")
    }
}

/// An environment variable whose value cannot stand for its flag.
struct EnvironmentError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
