/// The word and number tokens of an article in order, with whether each is
/// directly followed by the next (only spaces between, same line): the view
/// entity recognisers walk.
struct EntityWords {
    let tokens: [EnrichToken]
    /// Index in `EnrichInput.tokens` of each word.
    let tokenIndex: [Int]
    /// `joined[k]`: word k and word k + 1 are separated by spaces only.
    let joined: [Bool]
    let input: EnrichInput
    /// The longest gazetteer name starting at each word, looked up once.
    private(set) var known: [Gazetteer.Match?] = []

    /// Each word's id among the gazetteer's name words (-1: in no name).
    private let gazetteerWords: [Int32]

    init(_ input: EnrichInput) {
        self.input = input
        var tokens: [EnrichToken] = []
        var tokenIndex: [Int] = []
        for (index, token) in input.tokens.enumerated() where token.kind == .word || token.kind == .number {
            tokens.append(token)
            tokenIndex.append(index)
        }
        var joined = [Bool](repeating: false, count: tokens.count)
        for k in 0..<max(tokens.count - 1, 0) {
            joined[k] = tokenIndex[k + 1] == tokenIndex[k] + 1
        }
        self.tokens = tokens
        self.tokenIndex = tokenIndex
        self.joined = joined
        self.gazetteerWords = tokens.map { Gazetteer.shared.wordID($0.folded) ?? -1 }
        self.known = (0..<tokens.count).map { Gazetteer.shared.match(at: $0, in: self) }
    }

    var count: Int { tokens.count }

    subscript(_ k: Int) -> EnrichToken { tokens[k] }

    /// The token just before word k in the full token list (punctuation included).
    func tokenBefore(_ k: Int) -> EnrichToken? {
        let index = tokenIndex[k] - 1
        return index >= 0 ? input.tokens[index] : nil
    }

    /// The token just after word k in the full token list.
    func tokenAfter(_ k: Int) -> EnrichToken? {
        let index = tokenIndex[k] + 1
        return index < input.tokens.count ? input.tokens[index] : nil
    }

    /// Whether a comma alone separates word k from word k + 1 ("Washington, D.C.").
    func commaFollows(_ k: Int) -> Bool {
        guard k + 1 < count, tokenIndex[k + 1] == tokenIndex[k] + 2 else { return false }
        let between = input.tokens[tokenIndex[k] + 1]
        return between.kind == .punctuation && NameWords.isComma(between.text)
    }

    /// Whether word k starts a line (only a line break or nothing before it).
    func startsLine(_ k: Int) -> Bool {
        guard let before = tokenBefore(k) else { return true }
        return before.kind == .lineBreak
    }

    /// Word k's id among the gazetteer's name words, or nil when no name has it.
    func gazetteerWord(_ k: Int) -> Int32? {
        let id = gazetteerWords[k]
        return id < 0 ? nil : id
    }

    /// Whether the text puts a place at word k: a preposition written onto
    /// it ("بدوما", "لحمص"; `prefixLength` folded scalars of clitics, the
    /// last of them ب or ل), or a place word or preposition just before it
    /// on the same line ("في دوما", "مدينة حمص", "in Douma"), or a dateline:
    /// the word opens a line and stands alone on it, or a dash, colon,
    /// bracket or date follows it ("بريدة 25 شوال", "حمص - سانا").
    func hasPlaceContext(_ k: Int, prefixLength: Int) -> Bool {
        if prefixLength > 0 {
            let clitic = Array(tokens[k].folded.unicodeScalars.prefix(prefixLength)).last
            if clitic == "\u{0628}" || clitic == "\u{0644}" { return true }
        }
        if startsLine(k) {
            guard let after = tokenAfter(k) else { return true }
            if after.kind == .lineBreak || after.kind == .number
                || after.kind == .punctuation && Self.datelineMarks.contains(after.text)
            {
                return true
            }
        }
        guard k > 0, joined[k - 1] else { return false }
        let cues = EntityCues.shared
        return readings(k - 1).contains { cues.placeContextWords.contains($0.stem) }
    }

    private static let datelineMarks: Set<String> = ["-", "\u{2013}", "\u{2014}", ":", "(", "\u{060C}", ","]

    /// Word k's folded form and its readings without Arabic clitics.
    func readings(_ k: Int) -> Readings {
        let token = tokens[k]
        let clitics = token.script == .arabic ? input.clitics(tokenIndex[k]) : ArabicPrefixes.Readings()
        // ك and ف are read as clitics only before the article ("كالعادة"):
        // on a bare word they are far more often its own first letter.
        return Readings(word: token.folded, clitics: clitics, onlyBeforeArticle: token.folded.hasPrefix("ك") || token.folded.hasPrefix("ف"))
    }

    /// A word as written, then each reading of it without clitics (three
    /// scalars left at least), read in place.
    struct Readings: Sequence {
        let word: FoldedWord
        let clitics: ArabicPrefixes.Readings
        let onlyBeforeArticle: Bool

        struct Iterator: IteratorProtocol {
            var word: FoldedWord?
            var clitics: LazyFilterSequence<ArraySlice<ArabicPrefixes.Variant>>.Iterator
            let onlyBeforeArticle: Bool

            mutating func next() -> ArabicPrefixes.Variant? {
                if let first = word {
                    word = nil
                    return ArabicPrefixes.Variant(stem: first, prefixLength: 0)
                }
                while let variant = clitics.next() {
                    if !onlyBeforeArticle || variant.stem.hasPrefix("ال") { return variant }
                }
                return nil
            }
        }

        func makeIterator() -> Iterator {
            Iterator(word: word, clitics: clitics.variants(minimumStem: 3).makeIterator(), onlyBeforeArticle: onlyBeforeArticle)
        }
    }

    /// Scalar offset where word k's name starts once `prefixLength` folded clitic scalars are skipped.
    func start(_ k: Int, skippingFolded prefixLength: Int) -> Int {
        guard prefixLength > 0 else { return tokens[k].start }
        return tokens[k].start + ArabicPrefixes.originalOffset(in: tokens[k].text, afterFolded: prefixLength)
    }
}
