import Foundation

/// Loads the JSON files in `EnrichData/`. They are compiled into the binary
/// (`EmbeddedFiles`, made by the EmbedResources plugin) and read once into
/// `static let`s, so a missing or malformed file is a programming error: it
/// stops the process with a message naming the file.
enum EnrichResource {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        guard let bytes = EmbeddedFiles.bytes("EnrichData/\(name).json") else {
            preconditionFailure("ArticleText has no data file EnrichData/\(name).json")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            preconditionFailure("ArticleText resource EnrichData/\(name).json is malformed: \(error)")
        }
    }
}
