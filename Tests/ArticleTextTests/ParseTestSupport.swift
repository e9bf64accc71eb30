import Foundation
@testable import ArticleText

/// Helpers for the parse tests: build a normalised document from text the
/// tests write themselves, and find the shared corpus (read only).
enum ParseTestSupport {
    static func document(_ text: String, metadata: DocumentMetadata = DocumentMetadata()) -> NormalisedDocument {
        Normaliser.normalise(SourceDocument(text: text, format: .text, metadata: metadata))
    }

    static func parse(_ text: String, metadata: DocumentMetadata = DocumentMetadata(), context: ParseContext = ParseContext()) -> [ParsedArticle] {
        ArticleParser.parse(document(text, metadata: metadata), context: context)
    }

    /// `shared/` from `NEWSWIRE_SHARED`, else `<package root>/../shared`.
    static var sharedDirectory: URL {
        if let env = ProcessInfo.processInfo.environment["NEWSWIRE_SHARED"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return dir.deletingLastPathComponent().appendingPathComponent("shared")
            }
            dir = dir.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: "/work/shared")
    }
}
