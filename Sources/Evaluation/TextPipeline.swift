import ArticleText
import Foundation

/// The text stages an evaluation scores, chained exactly as the worker
/// chains them: decode → normalise → parse.
public enum TextPipeline {
    /// The parsed articles of one input.
    public static func parse(
        _ bytes: [UInt8], format: InputFormat = .auto, url: String? = nil, context: ParseContext = ParseContext()
    ) throws(ArticleTextError) -> [ParsedArticle] {
        let source = try InputDecoder.decode(RawArticle(bytes: bytes, declaredFormat: format, url: url))
        return ArticleParser.parse(Normaliser.normalise(source), context: context)
    }
}
