/// The attributes of one HTML element, lower-case names to decoded values,
/// the first of a repeated name kept. Most elements carry a handful, so
/// they sit in a small array searched in order (no hashing, one
/// allocation); an element with many gets a name index too, so a tag with
/// thousands of attributes still reads in linear time.
struct HTMLAttributes {
    private var pairs: [(name: String, value: String)] = []
    private var index: [String: Int]?
    private static let indexedFrom = 12

    init() {}

    var isEmpty: Bool { pairs.isEmpty }

    subscript(name: String) -> String? {
        if let index { return index[name].map { pairs[$0].value } }
        for pair in pairs where pair.name == name { return pair.value }
        return nil
    }

    /// Adds `name` unless the element already has it (the first one counts).
    mutating func add(_ name: String, _ value: String) {
        guard self[name] == nil else { return }
        pairs.append((name, value))
        if index != nil {
            index?[name] = pairs.count - 1
        } else if pairs.count >= Self.indexedFrom {
            var built: [String: Int] = [:]
            for (k, pair) in pairs.enumerated() { built[pair.name] = k }
            index = built
        }
    }
}
