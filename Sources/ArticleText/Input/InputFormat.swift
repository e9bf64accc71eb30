/// The form a raw article arrives in. `auto` asks the decoder to detect it.
public enum InputFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case auto
    case text
    case html
    case json
}
