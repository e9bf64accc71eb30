// JSON forms of the enrich stage's value types that write every optional as
// an explicit `null`, as the record contract asks. The value types keep their
// synthesized `Codable` (which omits `nil`); records go through these.

struct ExplicitNullEntity: Encodable {
    var entity: Entity

    private enum Key: String, CodingKey { case text, type, start, end, id }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(entity.text, forKey: .text)
        try c.encode(entity.type, forKey: .type)
        try c.encode(entity.start, forKey: .start)
        try c.encode(entity.end, forKey: .end)
        try c.encode(entity.id, forKey: .id)
    }
}

struct ExplicitNullQuote: Encodable {
    var quote: Quote

    private enum Key: String, CodingKey { case text, speaker, start, end }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(quote.text, forKey: .text)
        try c.encode(quote.speaker, forKey: .speaker)
        try c.encode(quote.start, forKey: .start)
        try c.encode(quote.end, forKey: .end)
    }
}

struct ExplicitNullNumber: Encodable {
    var number: NumberMention

    private enum Key: String, CodingKey { case text, value, unit, start, end }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(number.text, forKey: .text)
        try c.encode(number.value, forKey: .value)
        try c.encode(number.unit, forKey: .unit)
        try c.encode(number.start, forKey: .start)
        try c.encode(number.end, forKey: .end)
    }
}
