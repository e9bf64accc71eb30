/// Arabic person names: a chain of name words started by a known given name
/// ("خالد عبد الكريم ماسا"), by a title ("الدكتور يوسي شيفي", "الرئيس
/// السوداني عمر البشير"), by a verb of saying ("وقال إيهاب رشاد") or by a
/// byline ("كتبت أسماء نصار", "حوار: آسيا العتروس", "القاهرة: السيد سليمان").
/// A chain takes بن/أبو/آل/عبد links with their word, known given names, one
/// bare word after the first, bare words ending in ي, and stops after a
/// definite family name ("الفارس", "القحطاني").
enum ArabicPersonNames {
    static func candidates(in words: EntityWords) -> [EntityCandidate] {
        let cues = EntityCues.shared
        var out: [EntityCandidate] = []
        var k = 0
        while k < words.count {
            guard words[k].script == .arabic else {
                k += 1
                continue
            }
            if let (start, last) = byline(at: k, in: words) {
                out.append(EntityCandidate(start: start, end: words[last].end, type: .person, id: nil, source: .cue))
                k = last + 1
                continue
            }
            if let (cueEnd, strong) = trigger(at: k, in: words), cueEnd + 1 < words.count, words.joined[cueEnd] {
                var first = cueEnd + 1
                while first < words.count, isNisbaAdjective(words[first].folded), first + 1 < words.count,
                    words.joined[first]
                {
                    first += 1
                }
                let given = cues.arabicGivenNames.contains(words[first].folded) || words[first].folded.hasPrefix("عبد")
                if strong || given || bareNamePair(at: first, in: words),
                    let last = chain(from: first, prefix: 0, in: words, needsGiven: false, minimumParts: strong || given ? 1 : 2)
                {
                    out.append(EntityCandidate(start: words[first].start, end: words[last].end, type: .person, id: nil, source: .cue))
                    k = last + 1
                    continue
                }
            }
            for reading in words.readings(k) where reading.prefixLength == 0 || reading.prefixLength == 1 {
                guard cues.arabicGivenNames.contains(reading.stem) || reading.stem.hasPrefix("عبد") && reading.stem.count > 4 else { continue }
                if reading.prefixLength == 1, !(words[k].folded.hasPrefix("و") || words[k].folded.hasPrefix("ل")) { continue }
                let ambiguous = cues.arabicAmbiguousNames.contains(reading.stem)
                if let last = chain(from: k, prefix: reading.prefixLength, in: words, needsGiven: true, minimumParts: ambiguous ? 2 : 1) {
                    out.append(EntityCandidate(
                        start: words.start(k, skippingFolded: reading.prefixLength), end: words[last].end, type: .person,
                        id: nil, source: .cue))
                    k = last
                    break
                }
            }
            k += 1
        }
        return out
    }

    /// Titles without the article that still introduce a name ("د. …", "معالي …").
    private static let unprefixedTitles: WordSet = ["د", "معالي", "سمو", "فخامه", "سعاده"]
    private static let titlePairStarts = WordSet(
        EntityCues.shared.arabicTitlePairs.words.compactMap { $0.string.split(separator: " ").first.map { FoldedWord(String($0)) } })

    /// Two bare name-like words ("يوسي شيفي"), for a name after a verb of saying.
    private static func bareNamePair(at k: Int, in words: EntityWords) -> Bool {
        guard k + 1 < words.count, words.joined[k] else { return false }
        return [k, k + 1].allSatisfy { m in
            let f = words[m].folded
            return !f.hasPrefix("ال") && isNamePart(f) && !looksLikeVerb(f) && !hasPlaceAfterClitic(m, in: words)
        }
    }

    /// Four-letter words starting ي ت ن: present-tense verbs ("يشهد", "تعلن").
    private static func looksLikeVerb(_ folded: FoldedWord) -> Bool {
        guard let first = folded.unicodeScalars.first else { return false }
        return folded.unicodeScalars.count == 4 && (first == "ي" || first == "ت" || first == "ن")
            && !EntityCues.shared.arabicGivenNames.contains(folded)
    }

    /// "بمكة": a clitic on a known place, so the place, not a name part.
    private static func hasPlaceAfterClitic(_ m: Int, in words: EntityWords) -> Bool {
        for reading in words.readings(m) where reading.prefixLength > 0 {
            if reading.stem.hasPrefix("ال") || Gazetteer.shared.startsName(reading.stem) { return true }
        }
        return false
    }

    /// A title or verb of saying ending at the returned word; `strong` titles
    /// (not verbs) let a single name word through.
    private static func trigger(at k: Int, in words: EntityWords) -> (Int, Bool)? {
        let cues = EntityCues.shared
        let readings = words.readings(k).lazy.map(\.stem)
        if k + 1 < words.count, words.joined[k] {
            for reading in readings where titlePairStarts.contains(reading)
                && cues.arabicTitlePairs.contains(FoldedWord(phrase: reading, words[k + 1].folded))
            {
                return (k + 1, true)
            }
        }
        for reading in readings {
            if cues.arabicTitles.contains(reading), reading.hasPrefix("ال") || unprefixedTitles.contains(reading) {
                return (k, true)
            }
            if cues.arabicSpeechVerbs.contains(reading) { return (k, false) }
        }
        return nil
    }

    /// "كتبت أسماء نصار" / "حوار: آسيا العتروس" / "القاهرة: السيد سليمان" at a
    /// line start, the name running to the end of the line (two to four words).
    private static func byline(at k: Int, in words: EntityWords) -> (Int, Int)? {
        guard words.startsLine(k) else { return nil }
        let cues = EntityCues.shared
        var first = k + 1
        if cues.arabicBylineCues.contains(words[k].folded) {
            first = k + 1
        } else if words[k].kind == .word, words.known[k] != nil,
            let after = words.tokenAfter(words.known[k]!.lastWord), after.text == ":"
        {
            first = words.known[k]!.lastWord + 1
        } else {
            return nil
        }
        guard first < words.count else { return nil }
        var last = first
        while last + 1 < words.count, words.joined[last] { last += 1 }
        let count = last - first + 1
        guard count >= 2, count <= 4, words.tokenAfter(last).map({ $0.kind == .lineBreak }) ?? true else { return nil }
        for m in first...last where words[m].script != .arabic || StopWords.contains(words[m].folded, language: "ar") && !cues.arabicGivenNames.contains(words[m].folded) {
            return nil
        }
        return (words[first].start, last)
    }

    /// The last word of a name chain starting at word k, or nil.
    static func chain(from k: Int, prefix: Int, in words: EntityWords, needsGiven: Bool, minimumParts: Int) -> Int? {
        let cues = EntityCues.shared
        let firstWord = prefix > 0 ? words[k].folded.droppingFirst(prefix) : words[k].folded
        guard isNamePart(firstWord), !looksLikeVerb(firstWord),
            !firstWord.hasPrefix("ال") || cues.arabicGivenNames.contains(firstWord),
            prefix > 0 || !hasPlaceAfterClitic(k, in: words)
        else { return nil }
        // "على" written with alef maksura is the preposition far more often
        // than the name: only a full three-part name counts.
        let preposition = words[k].folded == "علي" && words[k].text.unicodeScalars.last == "ى"
        var last = k
        var parts = 1
        var m = k + 1
        if firstWord == "عبد" || firstWord == "ابو" {
            guard m < words.count, words.joined[k], isNamePart(words[m].folded) else { return nil }
            last = m
            m += 1
        }
        let ambiguousStart = cues.arabicAmbiguousNames.contains(firstWord) && minimumParts > 1
        while m < words.count, words.joined[m - 1], words[m].script == .arabic {
            let f = words[m].folded
            if hasPlaceAfterClitic(m, in: words) || looksLikeVerb(f) || f.hasSuffix("كم") || f.hasSuffix("هم") { break }
            if f == "علي", m + 1 < words.count, words[m + 1].folded.hasPrefix("ال") { break }
            if f == "علي", words[m].text.unicodeScalars.last == "ى" { break }
            if f.hasPrefix("ب"), f.unicodeScalars.count >= 6, !cues.arabicGivenNames.contains(f) { break }
            if ambiguousStart && parts == 1 && last == k && !strongSecondPart(m, in: words) { break }
            if cues.arabicParticles.contains(f) && f != "الدين" && f != "الله" {
                guard m + 1 < words.count, words.joined[m],
                    isNamePart(words[m + 1].folded)
                        || f == "ال" && !StopWords.contains(words[m + 1].folded, language: "ar")
                else { break }
                last = m + 1
                m += 2
                continue
            }
            if f == "الدين" || f == "الله" {
                last = m
                m += 1
                continue
            }
            guard isNamePart(f), parts < 4 else { break }
            if f.hasPrefix("ال") {
                if ambiguousStart && parts == 1 && !isNisba(f) { break }
                last = m
                parts += 1
                break
            }
            if f.hasPrefix("و") && !cues.arabicGivenNames.contains(f) { break }
            if parts == 1 || cues.arabicGivenNames.contains(f) || f.hasPrefix("عبد") || isNisba(f) {
                last = m
                parts += 1
                m += 1
                continue
            }
            break
        }
        let partCount = parts + (last > k && parts == 1 ? 1 : 0)
        if preposition && (partCount < 3 || !strongSecondPart(k + 1, in: words)) { return nil }
        return partCount >= minimumParts ? last : nil
    }

    /// After an ambiguous given name ("أمل", "على"), the next word must itself
    /// look like a name: a given name, a عبد compound, a nisba ("القحطاني"),
    /// or a bare nisba followed by a definite one ("محيي القحطاني").
    private static func strongSecondPart(_ m: Int, in words: EntityWords) -> Bool {
        let cues = EntityCues.shared
        let f = words[m].folded
        if cues.arabicGivenNames.contains(f) || f.hasPrefix("عبد") || cues.arabicParticles.contains(f) { return true }
        if f.hasPrefix("ال") { return isNisba(f) }
        return isNisba(f) && m + 1 < words.count && words.joined[m] && words[m + 1].folded.hasPrefix("ال")
            && isNisba(words[m + 1].folded)
    }

    private static func isNamePart(_ folded: FoldedWord) -> Bool {
        let cues = EntityCues.shared
        guard folded.unicodeScalars.count >= 2 else { return false }
        if cues.arabicGivenNames.contains(folded) { return true }
        return !cues.arabicNotNames.contains(folded) && !StopWords.contains(folded, language: "ar")
            && !cues.arabicOrgHeads.contains(folded) && !cues.arabicEventHeads.contains(folded)
            && !cues.arabicPlaceHeads.contains(folded) && !cues.arabicSpeechVerbs.contains(folded)
            && !cues.arabicBylineCues.contains(folded)
    }

    private static func isNisba(_ folded: FoldedWord) -> Bool {
        folded.hasSuffix("ي") && folded.unicodeScalars.count >= 3
    }

    /// "السوداني", "الحقوقي": adjectives between a title and the name.
    private static func isNisbaAdjective(_ folded: FoldedWord) -> Bool {
        folded.hasPrefix("ال") && (folded.hasSuffix("ي") || folded.hasSuffix("يه"))
    }
}
