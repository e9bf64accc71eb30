/// One Kafka record header: a name and an optional byte value.
///
/// Headers carry metadata next to the payload (schema, content type, trace
/// context); names may repeat, so messages keep them as an ordered array.
public struct KafkaHeader: Hashable, Sendable, CustomStringConvertible {
    public var key: String
    public var value: [UInt8]?

    public init(key: String, value: [UInt8]?) {
        self.key = key
        self.value = value
    }

    /// A header whose value is the UTF-8 bytes of `value`.
    public init(key: String, string value: String) {
        self.init(key: key, value: Array(value.utf8))
    }

    /// The value decoded as UTF-8, if present and valid.
    public var stringValue: String? {
        value.flatMap { String(validating: $0, as: UTF8.self) }
    }

    public var description: String { "\(key)=\(stringValue ?? value.map { "\($0.count) bytes" } ?? "null")" }
}
