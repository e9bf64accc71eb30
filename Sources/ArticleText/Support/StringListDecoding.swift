/// Lists of strings in the resource files (cue words, names, stop words) are
/// decoded through the container's own `String` decoding. The standard
/// `[String]` conformance decodes each element through the generic path,
/// which on Linux builds a decoder and a coding path per element (about 3,000
/// instructions each, 28,000 elements at start-up); this overload, which the
/// synthesised `Decodable` initialisers of this module pick over the generic
/// one, gives the same list for the same input and the same errors' kinds.
extension KeyedDecodingContainer {
    func decode(_ type: [String].Type, forKey key: Key) throws -> [String] {
        var list = try nestedUnkeyedContainer(forKey: key)
        return try StringList.read(&list)
    }

    func decodeIfPresent(_ type: [String].Type, forKey key: Key) throws -> [String]? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(type, forKey: key)
    }
}

/// A list of strings read element by element with the concrete `String` decoding.
enum StringList {
    static func read(_ list: inout some UnkeyedDecodingContainer) throws -> [String] {
        var out: [String] = []
        if let count = list.count { out.reserveCapacity(count) }
        while !list.isAtEnd { out.append(try list.decode(String.self)) }
        return out
    }
}
