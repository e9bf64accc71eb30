import Foundation

/// Unique topic and group names, so tests running in parallel never share state.
enum TestNames {
    static func topic(_ base: String = #function) -> String {
        "t-\(clean(base))-\(UUID().uuidString.prefix(8).lowercased())"
    }

    static func group(_ base: String = #function) -> String {
        "g-\(clean(base))-\(UUID().uuidString.prefix(8).lowercased())"
    }

    private static func clean(_ text: String) -> String {
        String(text.prefix { $0 != "(" }.filter { $0.isLetter || $0.isNumber }.prefix(24))
    }
}
