import Foundation

/// Unique topic and group names, so tests running in parallel never share state.
public enum TestNames {
    public static func topic(_ base: String = #function) -> String {
        "t-\(clean(base))-\(UUID().uuidString.prefix(8).lowercased())"
    }

    public static func group(_ base: String = #function) -> String {
        "g-\(clean(base))-\(UUID().uuidString.prefix(8).lowercased())"
    }

    private static func clean(_ text: String) -> String {
        String(text.prefix { $0 != "(" }.filter { $0.isLetter || $0.isNumber }.prefix(24))
    }
}
