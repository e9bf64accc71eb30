/// Named entities (PERSON, ORG, PLACE, EVENT) with scalar offsets into the
/// text: gazetteer names (with stable ids), Arabic headed names, Arabic and
/// English person names, names introduced in «» or parentheses; overlaps
/// resolved by `EntityResolution`. A name found once is then found at its
/// other mentions too, and an English person's surname alone ("Ensler")
/// counts as that person.
enum EntityRecognition: EnrichmentStep {
    static func apply(_ input: EnrichInput, to result: inout Enrichment) {
        let words = EntityWords(input)
        var candidates: [EntityCandidate] = []
        for case let match? in words.known {
            candidates.append(EntityCandidate(
                start: match.start, end: match.end, type: match.name.type, id: match.name.id, source: .gazetteer,
                restoresArticle: match.restoresArticle))
        }
        candidates += ArabicHeadedNames.candidates(in: words)
        candidates += ArabicPersonNames.candidates(in: words)
        candidates += EnglishNames.candidates(in: words)
        candidates += SourceCredits.candidates(in: words)
        candidates += QuotedNames.candidates(in: input, after: EntityResolution.resolve(candidates))
        var resolved = EntityResolution.resolve(candidates)
        resolved = EntityResolution.resolve(resolved + otherMentions(of: resolved, in: words))
        resolved = withoutPlacesInEnglishBodies(resolved, in: input)
        result.entities = resolved.map {
            Entity(
                text: input.slice($0.start, $0.end), type: $0.type, start: $0.start, end: $0.end, id: $0.id,
                name: $0.restoresArticle ? name(input, $0.start, $0.end) : nil)
        }
    }

    /// An English body's name that holds a place ("U.S. Department of
    /// State", "Bank of England") uses it as a modifier: the place is no mention of
    /// its own there. (An Arabic name's place is a genitive that is: "بورصة
    /// الكويت" mentions Kuwait, and stays.)
    private static func withoutPlacesInEnglishBodies(_ found: [EntityCandidate], in input: EnrichInput) -> [EntityCandidate] {
        let bodies = found.filter { $0.type == .org && isLatinLetter(input.scalars[$0.start]) }
        guard !bodies.isEmpty else { return found }
        return found.filter { entity in
            entity.type != .place || !bodies.contains { $0.contains(entity) && $0.length > entity.length }
        }
    }

    private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
    }

    /// The name a span spells, for `Entity.name`. A span that starts inside
    /// "لل" (ل + the article, "للأمم المتحدة") starts at the article's ل with
    /// its alef elided: the slice is "لأمم المتحدة" and the name is written
    /// with the article restored ("الأمم المتحدة").
    static func name(_ input: EnrichInput, _ start: Int, _ end: Int) -> String {
        let text = input.slice(start, end)
        let lam: Unicode.Scalar = "\u{0644}"
        guard start >= 1, text.unicodeScalars.first == lam, input.scalars[start - 1] == lam else { return text }
        // The ل before the span must begin its word (after a space or و/ف).
        if start >= 2 {
            let before = input.scalars[start - 2]
            guard before.properties.isWhitespace || before == "\u{0648}" || before == "\u{0641}"
                || !before.properties.isAlphabetic else { return text }
        }
        return "\u{0627}" + text
    }

    /// The last word of an Arabic person's name when it can stand alone for
    /// the person ("ليندركينغ" after "تيم ليندركينغ"): four letters or more,
    /// without the article (a definite family name, "البرهان", is a word
    /// too), not a given name, stop word or cue word.
    private static func arabicSurname(_ word: String) -> FoldedWord? {
        let folded = FoldedWord(folding: word)
        let cues = EntityCues.shared
        guard EnrichTokeniser.script(of: Array(word.unicodeScalars)[...]) == .arabic, folded.unicodeScalars.count >= 4,
            !folded.hasPrefix("ال"), !cues.arabicGivenNames.contains(folded), !cues.arabicNotNames.contains(folded),
            !StopWords.contains(folded, language: "ar")
        else { return nil }
        return folded
    }

    /// Later (and earlier) mentions of names already found: the same words
    /// elsewhere, and an English person's last word on its own.
    private static func otherMentions(of found: [EntityCandidate], in words: EntityWords) -> [EntityCandidate] {
        var known: [FoldedWord: EntityCandidate] = [:]
        for candidate in found where candidate.source != .gazetteer {
            let text = words.input.slice(candidate.start, candidate.end)
            let folded = FoldedWord(folding: text)
            if known[folded] == nil { known[folded] = candidate }
            if candidate.type == .person, let last = text.split(separator: " ").last, last.first?.isUppercase == true,
                last.count > 2, text.unicodeScalars.contains(" ")
            {
                let key = FoldedWord(folding: String(last))
                if known[key] == nil, !EntityCues.shared.englishNotNames.contains(String(last)) { known[key] = candidate }
            }
            if candidate.type == .person, text.unicodeScalars.contains(" "), let last = text.split(separator: " ").last,
                let key = arabicSurname(String(last)), known[key] == nil
            {
                known[key] = candidate
            }
        }
        let firstWords = WordSet(known.keys.map { FoldedWord(String($0.string.prefix { $0 != " " })) })
        var out: [EntityCandidate] = []
        for k in 0..<words.count where firstWords.contains(words[k].folded) {
            for length in (1...4).reversed() where k + length <= words.count {
                guard (k..<(k + length - 1)).allSatisfy({ words.joined[$0] }) else { continue }
                let folded = FoldedWord((k..<(k + length)).map { words[$0].folded.string }.joined(separator: " "))
                guard let source = known[folded] else { continue }
                if words[k].script == .latin && !words[k].isCapitalised { continue }
                // "Abbas" after "Mahmoud Abbas" is the person, though a place is
                // also called so, unless the text puts a place there ("in Abbas").
                let personOverPlace = source.type == .person && !words.hasPlaceContext(k, prefixLength: 0)
                out.append(EntityCandidate(
                    start: words[k].start, end: words[k + length - 1].end, type: source.type, id: source.id,
                    source: personOverPlace ? .context : .heuristic))
                break
            }
        }
        return out
    }
}
