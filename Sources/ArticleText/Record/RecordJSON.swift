/// Writes an `ArticleRecord` straight into JSON bytes, exactly as
/// `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes` writes
/// `encode(to:form:)` — keys in UTF-8 byte order, `null` for every unknown
/// field, the same string escapes, integers in decimal and doubles as their
/// `description` without a trailing ".0" — but without building the
/// encoder's intermediate tree of values and dictionaries, which cost more
/// than all the text stages but enrich. A test holds the two to the same
/// bytes.
extension ArticleRecord {
    ///
    /// `extraFields` are fields a later layer adds to the record (the
    /// pipeline's `sourceFile`), each with its value already written as JSON;
    /// they go in among the record's own fields in key order.
    public func jsonBytes(form: RecordForm, extraFields: [(key: String, json: [UInt8])] = []) -> [UInt8] {
        var out = JSONBytes(capacity: text.utf8.count * 3 + 2048)
        let fields = Set(form.fields)
        var extras = extraFields.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }[...]
        func writeExtras(before name: String?) {
            while let extra = extras.first, name.map({ extra.key.utf8.lexicographicallyPrecedes($0.utf8) }) ?? true {
                out.key(extra.key)
                out.raw(extra.json)
                extras.removeFirst()
            }
        }
        out.open()
        for field in Self.fieldsInKeyOrder where fields.contains(field) {
            writeExtras(before: field.rawValue)
            out.key(field.rawValue)
            switch field {
            case .id: out.string(id)
            case .parentId: out.string(parentId)
            case .schema: out.string(schema)
            case .schemaVersion: out.string(schemaVersion)
            case .language: out.string(language)
            case .languageConfidence: out.number(languageConfidence)
            case .script: out.string(script)
            case .title: out.string(title)
            case .publishedAt: out.string(publishedAt)
            case .updatedAt: out.string(updatedAt)
            case .outlet: out.string(outlet)
            case .agency: out.string(agency)
            case .dateline: out.string(dateline)
            case .url: out.string(url)
            case .paragraphs: out.array(paragraphs) { $0.string($1) }
            case .text: out.string(text)
            case .searchText: out.string(searchText)
            case .related: out.array(related) { $0.string($1) }
            case .entities:
                switch form.entityLayout {
                case .perMention: out.array(entities) { $0.entity($1) }
                case .groupedByEntity: out.array(entities.map(EntityGroup.grouping)) { $0.group($1) }
                }
            case .quotes: out.array(quotes) { $0.quote($1) }
            case .numbers: out.array(numbers) { $0.numberMention($1) }
            case .topics: out.array(topics) { $0.topic($1) }
            case .keywords: out.array(keywords) { $0.string($1) }
            case .readingTimeSeconds: out.integer(readingTimeSeconds)
            case .fingerprint:
                if let fingerprint {
                    out.open()
                    out.key("simhash")
                    out.string(fingerprint.simhash)
                    out.close()
                } else {
                    out.null()
                }
            case .source:
                if let source {
                    out.open()
                    out.key("offset")
                    out.integer(Int(source.offset))
                    out.key("partition")
                    out.integer(Int(source.partition))
                    out.key("topic")
                    out.string(source.topic)
                    out.close()
                } else {
                    out.null()
                }
            case .pipelineVersion: out.string(pipelineVersion)
            }
        }
        writeExtras(before: nil)
        out.close()
        return out.bytes
    }

    /// Every field in the order `.sortedKeys` writes keys: by their UTF-8 bytes.
    private static let fieldsInKeyOrder = Field.allCases.sorted { $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8) }
}

/// The JSON byte writer behind `ArticleRecord.jsonBytes(form:)`: objects are
/// written key by key in the order the caller gives, which must already be
/// UTF-8 byte order.
private struct JSONBytes {
    private(set) var bytes: [UInt8] = []
    /// Whether the next key or array element is the first of its container.
    private var first = true

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func open() {
        bytes.append(UInt8(ascii: "{"))
        first = true
    }

    mutating func close() {
        bytes.append(UInt8(ascii: "}"))
        first = false
    }

    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        first = true
    }

    /// A field name (plain ASCII: nothing to escape).
    mutating func key(_ name: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        first = true
    }

    /// A comma before every key or element but the first of its container.
    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    /// A value already written as JSON.
    mutating func raw(_ json: [UInt8]) {
        separate()
        bytes.append(contentsOf: json)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    mutating func array<Element>(_ elements: [Element]?, _ write: (inout JSONBytes, Element) -> Void) {
        guard let elements else { return null() }
        separate()
        bytes.append(UInt8(ascii: "["))
        first = true
        for element in elements { write(&self, element) }
        bytes.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func string(_ value: String?) {
        guard var value else { return null() }
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            var mark = 0
            for i in 0..<utf8.count {
                let b = utf8[i]
                guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<i]))
                mark = i + 1
                bytes.append(UInt8(ascii: "\\"))
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0x0F)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A double as `JSONEncoder` writes one: its `description`, less a trailing ".0".
    mutating func number(_ value: Double?) {
        guard let value else { return null() }
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func entity(_ entity: Entity) {
        separate()
        open()
        key("end")
        integer(entity.end)
        key("id")
        string(entity.id)
        key("start")
        integer(entity.start)
        key("text")
        string(entity.text)
        key("type")
        string(entity.type.rawValue)
        close()
    }

    mutating func group(_ group: EntityGroup) {
        separate()
        open()
        key("id")
        string(group.id)
        key("mentions")
        array(group.mentions) { out, mention in
            out.separate()
            out.open()
            out.key("end")
            out.integer(mention.end)
            out.key("start")
            out.integer(mention.start)
            out.key("text")
            out.string(mention.text)
            out.close()
        }
        key("text")
        string(group.text)
        key("type")
        string(group.type.rawValue)
        close()
    }

    mutating func quote(_ quote: Quote) {
        separate()
        open()
        key("end")
        integer(quote.end)
        key("speaker")
        string(quote.speaker)
        key("start")
        integer(quote.start)
        key("text")
        string(quote.text)
        close()
    }

    mutating func numberMention(_ number: NumberMention) {
        separate()
        open()
        key("end")
        integer(number.end)
        key("start")
        integer(number.start)
        key("text")
        string(number.text)
        key("unit")
        string(number.unit)
        key("value")
        self.number(number.value)
        close()
    }

    mutating func topic(_ topic: TopicScore) {
        separate()
        open()
        key("code")
        string(topic.code)
        key("label")
        string(topic.label)
        key("score")
        number(topic.score)
        close()
    }
}
