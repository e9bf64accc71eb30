import Foundation

/// Loads the data files in `EnrichData/`. They are compiled into the binary
/// (`EmbeddedFiles`, made by the EmbedResources plugin) and read once into
/// `static let`s, so a missing or malformed file is a programming error: it
/// stops the process with a message naming the file.
enum EnrichResource {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        let bytes = bytes(of: "EnrichData/\(name).json")
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            preconditionFailure("ArticleText resource EnrichData/\(name).json is malformed: \(error)")
        }
    }

    /// A list of strings (`english-words.json`), each element decoded with
    /// the concrete `String` decoding (`StringList`), not the generic path.
    static func decode(_ type: [String].Type, from name: String) -> [String] {
        decode(StringListFile.self, from: name).list
    }

    /// Lists of strings by key (`stopwords.json`), decoded the same way.
    static func decode(_ type: [String: [String]].Type, from name: String) -> [String: [String]] {
        decode(StringListsFile.self, from: name).lists
    }

    private struct StringListFile: Decodable {
        var list: [String]

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            list = try StringList.read(&container)
        }
    }

    private struct StringListsFile: Decodable {
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        var lists: [String: [String]] = [:]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Key.self)
            for key in container.allKeys { lists[key.stringValue] = try container.decode([String].self, forKey: key) }
        }
    }

    /// The bytes of the data file at `path` (`EnrichData/places.tsv`).
    static func bytes(of path: String) -> [UInt8] {
        guard let bytes = EmbeddedFiles.bytes(path) else {
            preconditionFailure("ArticleText has no data file \(path)")
        }
        return bytes
    }
}
