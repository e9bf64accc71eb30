import Foundation

/// One flag's `NEWSWIRE_<FLAG>` variable, read by hand. `EnvironmentArguments`
/// already puts every variable of a command's flags on its command line
/// before parsing, so a command needs this only for a value it reads outside
/// ArgumentParser. A flag given on the command line wins.
enum Environment {
    static func variableName(forFlag flag: String) -> String {
        EnvironmentArguments.variableName(forFlag: flag)
    }

    static func value(forFlag flag: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[variableName(forFlag: flag)], !value.isEmpty else { return nil }
        return value
    }

    /// The flag's value, else its environment variable's, else `fallback`.
    static func resolve(_ given: String?, flag: String, fallback: String? = nil) -> String? {
        given ?? value(forFlag: flag) ?? fallback
    }
}
