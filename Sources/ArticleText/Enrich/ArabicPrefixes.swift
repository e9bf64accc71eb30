/// The clitics Arabic writes onto a word — و ف (and, so), ب ل ك (in, for,
/// like) and the article ال, with ل + ال written لل — and the forms a folded
/// word takes without them. Gazetteers, lexicons and keywords use it so that
/// "بالعراق", "للعراق" and "والعراق" all reach "العراق".
enum ArabicPrefixes {
    struct Variant: Equatable {
        /// The word without its clitics (an elided article restored: لعراق → العراق).
        var stem: FoldedWord
        /// How many folded scalars the clitics take at the word's start.
        var prefixLength: Int
    }

    /// Every reading of `folded` with one or more clitics removed, shortest
    /// prefix first; when `dropArticle` is set the article goes too.
    static func variants(of folded: FoldedWord, dropArticle: Bool = false, minimumStem: Int = 2) -> [Variant] {
        let scalars = Array(folded.unicodeScalars)
        guard scalars.count > minimumStem, isCliticLetter(scalars[0]) else { return [] }
        var out: [Variant] = []
        func add(_ from: Int, _ restoreArticle: Bool, _ length: Int) {
            let count = scalars.count - from + (restoreArticle ? 1 : 0)
            guard count >= minimumStem else { return }
            var view = String.UnicodeScalarView()
            if restoreArticle { view.append("ا") }
            view.append(contentsOf: scalars[from...])
            let variant = Variant(stem: FoldedWord(String(view)), prefixLength: length)
            if !out.contains(variant) { out.append(variant) }
        }
        // Conjunction (و ف), then preposition (ب ل ك), each optional.
        let conjunctionEnds = scalars[0] == "و" || scalars[0] == "ف" ? [0, 1] : [0]
        for c in conjunctionEnds {
            var prepositionEnds = [c]
            if c < scalars.count, scalars[c] == "ب" || scalars[c] == "ل" || scalars[c] == "ك" { prepositionEnds.append(c + 1) }
            for p in prepositionEnds where p < scalars.count {
                if p > 0 { add(p, false, p) }
                let afterLam = p > c && scalars[p - 1] == "ل"
                if afterLam, scalars[p] == "ل" {
                    add(p, true, p)
                    if dropArticle { add(p + 1, false, p + 1) }
                }
                if dropArticle, scalars.count > p + 2, scalars[p] == "ا", scalars[p + 1] == "ل" {
                    add(p + 2, false, p + 2)
                }
            }
        }
        return out
    }

    private static func isCliticLetter(_ s: Unicode.Scalar) -> Bool {
        s == "و" || s == "ف" || s == "ب" || s == "ل" || s == "ك" || s == "ا"
    }

    /// A light stem for grouping words: clitics and the article removed.
    static func stem(_ folded: FoldedWord) -> FoldedWord {
        guard let first = folded.unicodeScalars.first, first.value >= 0x0600, first.value <= 0x06FF else {
            return folded
        }
        let candidates = variants(of: folded, dropArticle: true, minimumStem: 3)
        return candidates.max(by: { $0.prefixLength < $1.prefixLength })?.stem ?? folded
    }

    /// The scalar offset in `original` where the first `foldedLength` folded
    /// scalars end (folding drops marks and tatweel, so the two can differ).
    static func originalOffset(in original: String, afterFolded foldedLength: Int) -> Int {
        var seen = 0
        var offset = 0
        for scalar in original.unicodeScalars {
            if seen >= foldedLength, !Normaliser.fold(String(scalar)).isEmpty { break }
            seen += Normaliser.fold(String(scalar)).unicodeScalars.count
            offset += 1
        }
        return offset
    }
}
