import ArgumentParser
import Foundation
import Pipeline

@main
struct Newswire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire",
        abstract: "A Kafka stream processor for news articles.",
        discussion: """
            Every flag also reads NEWSWIRE_<FLAG> from the environment (upper-cased, dashes as \
            underscores: NEWSWIRE_BROKERS, NEWSWIRE_STATS_ADDRESS); a flag on the command line wins.
            """,
        version: PipelineVersion.current,
        subcommands: [
            DemoCommand.self,
            RunCommand.self,
            ProcessCommand.self,
            PublishCommand.self,
            ReplayCommand.self,
            BrokerCommand.self,
            StatusCommand.self,
            SchemaCommand.self,
        ]
    )

    /// ArgumentParser's `main`, plus: flags from `NEWSWIRE_<FLAG>`, the log
    /// set up before a command runs (`--verbose`), and a usage error found
    /// while running shown with the usage of the command that was run.
    static func main() async {
        let environment: EnvironmentArguments
        do {
            environment = try EnvironmentArguments(
                arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment,
                commandTree: Newswire._dumpHelp()
            )
        } catch {
            exit(withError: CommandFailure("\(error)"))
        }
        var command: any ParsableCommand
        do {
            command = try parseAsRoot(environment.arguments)
        } catch {
            guard exitCode(for: error) != .success else { exit(withError: error) }
            StandardStreams.warn(environment.attributing(fullMessage(for: error)))
            Foundation.exit(exitCode(for: error).rawValue)
        }
        CommandLog.bootstrap(verbose: (command as? any LoggingCommand)?.logging.verbose ?? false)
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ValidationError {
            StandardStreams.warn("Error: \(error.message)\n" + usageString(for: type(of: command)))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
