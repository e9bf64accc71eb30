import Foundation

/// Runs the text stages on one raw input, in order, up to a chosen stage:
/// decode → normalise → parse → enrich. A pure function of its input (and the
/// message timestamp carried in `RawArticle.receivedAt`), so a replay
/// reproduces the same records. The pipeline and `newswire process` both call
/// this; neither re-implements the chain.
public enum TextStages {
    /// What one input became after `through` stage.
    public struct Output: Sendable, Hashable {
        public var stage: Stage
        public var normalised: NormalisedDocument
        /// The id of the input as a whole (the normalised record's key): from
        /// its canonical URL when known, else from its normalised text.
        public var inputID: String
        /// One entry per article found (empty for the normalise stage).
        public var articles: [ArticleResult]
    }

    /// One article and, if enrich ran, what it added.
    public struct ArticleResult: Sendable, Hashable {
        public var parsed: ParsedArticle
        public var enrichment: Enrichment?
        /// Folded form of `parsed.text`.
        public var searchText: String
    }

    public static func run(
        _ raw: RawArticle, through last: Stage, limits: InputLimits = InputLimits(), timeZone: TimeZone? = nil
    ) throws(ArticleTextError) -> Output {
        var observer = NoStageObserver()
        return try run(raw, through: last, limits: limits, timeZone: timeZone, observer: &observer)
    }

    /// The same, telling `observer` as each stage begins (input decoding
    /// belongs to normalise).
    public static func run<Observer: StageObserver>(
        _ raw: RawArticle, through last: Stage, limits: InputLimits = InputLimits(), timeZone: TimeZone? = nil,
        observer: inout Observer
    ) throws(ArticleTextError) -> Output {
        let normalised = try normalise(raw, limits: limits, observer: &observer)
        guard last >= .parse else { return normalised }
        return try resume(normalised, through: last, referenceDate: raw.receivedAt, timeZone: timeZone, observer: &observer)
    }

    /// The normalise stage alone (decoding included): an `Output` at stage
    /// `.normalise`, which `resume` takes on. A caller that must look at the
    /// normalised text before paying for parse and enrich (the worker checks
    /// that its record can be published at all) runs the two halves itself.
    public static func normalise<Observer: StageObserver>(
        _ raw: RawArticle, limits: InputLimits = InputLimits(), observer: inout Observer
    ) throws(ArticleTextError) -> Output {
        observer.entering(.normalise)
        let decoded = try InputDecoder.decode(raw, limits: limits)
        let normalised = Normaliser.normalise(decoded)
        guard normalised.text.unicodeScalars.contains(where: isVisible) else {
            throw ArticleTextError(
                .emptyInput, stage: .normalise, reason: "the input holds only white space and invisible characters"
            )
        }
        let inputID = normalised.metadata.url.map(ArticleID.fromURL) ?? ArticleID.fromContent(title: nil, paragraphs: [normalised.text])
        return Output(stage: .normalise, normalised: normalised, inputID: inputID, articles: [])
    }

    /// Runs the stages after normalise on what `normalise` returned, up to
    /// `last`; `referenceDate` is the input's `RawArticle.receivedAt`, which
    /// relative dates resolve against.
    public static func resume<Observer: StageObserver>(
        _ normalisedOutput: Output, through last: Stage, referenceDate: Date?, timeZone: TimeZone? = nil,
        observer: inout Observer
    ) throws(ArticleTextError) -> Output {
        guard last >= .parse else { return normalisedOutput }
        let normalised = normalisedOutput.normalised
        observer.entering(.parse)
        let context = ParseContext(referenceDate: referenceDate, timeZone: timeZone)
        let parsed = ArticleParser.parse(normalised, context: context)
        guard !parsed.isEmpty else {
            throw ArticleTextError(.noText, stage: .parse, reason: "no article text was found in the input")
        }
        if last >= .enrich { observer.entering(.enrich) }
        let articles = parsed.map { article in
            ArticleResult(
                parsed: article,
                enrichment: last >= .enrich ? Enricher.enrich(article) : nil,
                searchText: Normaliser.fold(article.text)
            )
        }
        return Output(stage: last, normalised: normalised, inputID: normalisedOutput.inputID, articles: articles)
    }

    /// Neither white space nor an invisible control or format character
    /// (U+200B, U+2060, U+FEFF): the decoder's byte check sees only ASCII
    /// white space, so blank text in other scripts' spaces is caught here.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .format, .control: return false
        default: return true
        }
    }
}
