/// An optional field that encodes as `null` when it has no value, never as a
/// missing key: the schemas require every field, with `null` for "not known"
/// (README, "What a record looks like"). Swift's synthesised `Encodable`
/// leaves nil optionals out; a property marked `@NullWhenAbsent` keeps them.
@propertyWrapper
public struct NullWhenAbsent<Value: Encodable & Sendable & Hashable>: Encodable, Sendable, Hashable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}
