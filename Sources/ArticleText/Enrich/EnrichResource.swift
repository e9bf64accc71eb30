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

    /// A list of strings (`english-words.json`), read by `JSONStringLists`.
    static func decode(_ type: [String].Type, from name: String) -> [String] {
        stringLists(name) { try JSONStringLists.list($0) }
    }

    /// Lists of strings by key (`stopwords.json`), read the same way.
    static func decode(_ type: [String: [String]].Type, from name: String) -> [String: [String]] {
        stringLists(name) { try JSONStringLists.lists($0) }
    }

    private static func stringLists<T>(_ name: String, _ read: ([UInt8]) throws -> T) -> T {
        do {
            return try read(bytes(of: "EnrichData/\(name).json"))
        } catch {
            preconditionFailure("ArticleText resource EnrichData/\(name).json is malformed: \(error)")
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
