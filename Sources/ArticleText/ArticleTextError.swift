/// Why an input could not become an article. `code` is stable and
/// machine-readable (it travels in dead-letter headers); `reason` is one
/// readable sentence for a person.
public struct ArticleTextError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        case emptyInput = "empty-input"
        case invalidUTF8 = "invalid-utf8"
        case binaryInput = "binary-input"
        case tooLarge = "too-large"
        case invalidEnvelope = "invalid-envelope"
        case noText = "no-text"
    }

    public var code: Code
    public var stage: Stage
    public var reason: String

    public init(_ code: Code, stage: Stage, reason: String) {
        self.code = code
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(stage.rawValue): \(code.rawValue): \(reason)" }
}
