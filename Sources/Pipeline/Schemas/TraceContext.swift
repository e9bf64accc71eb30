/// W3C Trace Context propagation for Kafka headers: a valid `traceparent`
/// (and its `tracestate`) is passed on unchanged from an input to every
/// message made from it; an invalid or ambiguous one is dropped, as the
/// specification asks, rather than spread.
public enum TraceContext {
    /// The input's `traceparent` and `tracestate` headers to pass on: empty
    /// unless there is exactly one `traceparent` and it is valid.
    public static func propagated(from inputHeaders: [RecordHeader]) -> [RecordHeader] {
        let parents = inputHeaders.filter { $0.name.lowercased() == HeaderName.traceparent }
        guard parents.count == 1, isValidTraceparent(parents[0].value) else { return [] }
        let states = inputHeaders.filter { $0.name.lowercased() == HeaderName.tracestate }
        return [RecordHeader(name: HeaderName.traceparent, value: parents[0].value)]
            + states.map { RecordHeader(name: HeaderName.tracestate, value: $0.value) }
    }

    /// Whether `value` is a `traceparent` of the W3C Trace Context format:
    /// `version-traceid-parentid-flags` in lower-case hex, version not `ff`,
    /// ids not all zero; version `00` has exactly these four fields, a later
    /// version may append more after a `-`.
    public static func isValidTraceparent(_ value: [UInt8]) -> Bool {
        guard value.count >= 55 else { return false }
        let fields: [(start: Int, length: Int)] = [(0, 2), (3, 32), (36, 16), (53, 2)]
        for (start, length) in fields where !value[start..<(start + length)].allSatisfy(isLowerHex) {
            return false
        }
        guard value[2] == dash, value[35] == dash, value[52] == dash else { return false }
        let version = Array(value[0..<2])
        if version == Array("ff".utf8) { return false }
        if version == Array("00".utf8), value.count != 55 { return false }
        if value.count > 55, value[55] != dash { return false }
        let zero = UInt8(ascii: "0")
        guard !value[3..<35].allSatisfy({ $0 == zero }), !value[36..<52].allSatisfy({ $0 == zero }) else {
            return false
        }
        return true
    }

    private static let dash = UInt8(ascii: "-")

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
    }
}
