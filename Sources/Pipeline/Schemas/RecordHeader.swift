/// One Kafka message header as plain values: a name and raw bytes. The
/// header builders work on arrays of these so they stay pure and free of the
/// Kafka module; the worker converts at the edge.
public struct RecordHeader: Sendable, Hashable {
    public var name: String
    public var value: [UInt8]

    public init(name: String, value: [UInt8]) {
        self.name = name
        self.value = value
    }

    /// A header whose value is UTF-8 text.
    public init(name: String, text: String) {
        self.init(name: name, value: Array(text.utf8))
    }

    /// The value as UTF-8 text, `nil` when it is not valid UTF-8.
    public var text: String? { String(validating: value, as: UTF8.self) }
}
