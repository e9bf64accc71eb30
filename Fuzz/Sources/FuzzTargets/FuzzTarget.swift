import ArticleText
import Foundation

/// The text stages as fuzz targets. Each takes one input's bytes, runs a
/// stage the way the worker does, and traps (a finding for libFuzzer) when
/// the stage crashes or breaks a promise the README makes about it; a stage
/// rejecting bad input with an `ArticleTextError` is the expected outcome,
/// not a finding.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `InputDecoder` with format detection: UTF-8 and binary checks, the JSON
    /// envelope, HTML main-text extraction and metadata.
    case decode
    /// `Normaliser` on the input as text; checks that normalising and folding
    /// are idempotent.
    case normalise
    /// Decode, normalise and `ArticleParser`.
    case parse
    /// All three stages; checks that every entity's offsets lie inside the
    /// article text and select the entity's own text.
    case enrich

    /// The fixed message time relative dates resolve against, so a replay of
    /// an input repeats its run exactly.
    static let receivedAt = Date(timeIntervalSince1970: 1_767_225_600)

    public func run(_ bytes: [UInt8]) {
        do throws(ArticleTextError) {
            switch self {
            case .decode:
                _ = try InputDecoder.decode(RawArticle(bytes: bytes, declaredFormat: .auto, receivedAt: Self.receivedAt))
            case .normalise:
                let document = Normaliser.normalise(SourceDocument(text: Self.text(bytes), format: .text))
                FuzzCheck.idempotent(document.text)
            case .parse:
                _ = try TextStages.run(Self.raw(bytes), through: .parse)
            case .enrich:
                for article in try TextStages.run(Self.raw(bytes), through: .enrich).articles {
                    FuzzCheck.entityOffsets(article)
                }
            }
        } catch {
            FuzzCheck.readableRejection(error)
        }
    }

    /// The input as text, invalid UTF-8 repaired, so the later stages spend
    /// their time on text rather than on inputs the decoder rejects.
    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func raw(_ bytes: [UInt8]) -> RawArticle {
        RawArticle(bytes: Array(text(bytes).utf8), declaredFormat: .text, receivedAt: receivedAt)
    }
}
