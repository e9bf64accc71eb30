import ArgumentParser
import Pipeline

@main
struct Newswire: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire",
        abstract: "A Kafka stream processor for news articles.",
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
}
