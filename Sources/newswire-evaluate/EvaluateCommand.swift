import ArgumentParser
import Evaluation

@main
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newswire-evaluate",
        abstract: "Scores the text stages against labelled articles."
    )
}
