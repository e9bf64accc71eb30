/// The clitics Arabic writes onto a word — و ف (and, so), ب ل ك (in, for,
/// like) and the article ال, with ل + ال written لل — and the forms a folded
/// word takes without them. Gazetteers, lexicons and keywords use it so that
/// "بالعراق", "للعراق" and "والعراق" all reach "العراق".
enum ArabicPrefixes {
    struct Variant: Equatable {
        /// The word without its clitics (an elided article restored: لعراق → العراق).
        var stem: String
        /// How many folded scalars the clitics take at the word's start.
        var prefixLength: Int
    }

    private static let conjunctions = ["", "و", "ف"]
    private static let prepositions = ["", "ب", "ل", "ك"]

    /// Every reading of `folded` with one or more clitics removed, shortest
    /// prefix first; when `dropArticle` is set the article goes too.
    static func variants(of folded: String, dropArticle: Bool = false, minimumStem: Int = 2) -> [Variant] {
        let scalars = Array(folded.unicodeScalars)
        guard scalars.count > minimumStem, let first = scalars.first,
            first == "و" || first == "ف" || first == "ب" || first == "ل" || first == "ك" || first == "ا"
        else { return [] }
        var out: [Variant] = []
        func add(_ stem: [Unicode.Scalar], _ length: Int) {
            guard stem.count >= minimumStem else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: stem)
            let variant = Variant(stem: String(view), prefixLength: length)
            if !out.contains(variant) { out.append(variant) }
        }
        for conjunction in conjunctions {
            for preposition in prepositions {
                let prefix = Array((conjunction + preposition).unicodeScalars)
                guard scalars.count > prefix.count, Array(scalars.prefix(prefix.count)) == prefix else { continue }
                let rest = Array(scalars.dropFirst(prefix.count))
                if !prefix.isEmpty { add(rest, prefix.count) }
                if preposition == "ل", rest.first == "ل" {
                    add(["ا"] + rest, prefix.count)
                    if dropArticle { add(Array(rest.dropFirst()), prefix.count + 1) }
                }
                if dropArticle, rest.count > 2, rest[0] == "ا", rest[1] == "ل" {
                    add(Array(rest.dropFirst(2)), prefix.count + 2)
                }
            }
        }
        return out
    }

    /// A light stem for grouping words: clitics and the article removed.
    static func stem(_ folded: String) -> String {
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
