import Foundation
@testable import ArticleText

/// Helpers for the parse tests: build a normalised document from text the
/// tests write themselves.
enum ParseTestSupport {
    static func document(_ text: String, metadata: DocumentMetadata = DocumentMetadata()) -> NormalisedDocument {
        Normaliser.normalise(SourceDocument(text: text, format: .text, metadata: metadata))
    }

    static func parse(_ text: String, metadata: DocumentMetadata = DocumentMetadata(), context: ParseContext = ParseContext()) -> [ParsedArticle] {
        ArticleParser.parse(document(text, metadata: metadata), context: context)
    }
}
