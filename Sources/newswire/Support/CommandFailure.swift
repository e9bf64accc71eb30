/// A command that ran but did not succeed: ArgumentParser prints the sentence
/// on stderr as `Error: …` and exits non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
