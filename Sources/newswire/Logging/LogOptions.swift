import ArgumentParser

/// `--verbose`, for every command that talks to Kafka.
struct LogOptions: ParsableArguments {
    @Flag(help: "Also show librdkafka's own log (deduplicated and rate-limited) and debug lines.")
    var verbose = false
}

/// A command whose log `--verbose` opens up; `Newswire.main` sets up the log
/// from it before the command runs.
protocol LoggingCommand: ParsableCommand {
    var logging: LogOptions { get }
}
