import Foundation

/// Loads the JSON files in `EnrichData/`. They ship inside the package and are
/// read once into `static let`s, so a missing or malformed file is a packaging
/// error: it stops the process with a message naming the file.
enum EnrichResource {
    static func decode<T: Decodable>(_ type: T.Type, from name: String) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "EnrichData") else {
            preconditionFailure("ArticleText resource EnrichData/\(name).json is missing from the bundle")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
        } catch {
            preconditionFailure("ArticleText resource EnrichData/\(name).json is malformed: \(error)")
        }
    }
}
