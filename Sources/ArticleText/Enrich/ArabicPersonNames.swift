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
            if let last = middleInitialName(at: k, in: words) {
                out.append(EntityCandidate(start: words[k].start, end: words[last].end, type: .person, id: nil, source: .cue))
                k = last + 1
                continue
            }
            if let (start, last) = byline(at: k, in: words) {
                out.append(EntityCandidate(start: start, end: words[last].end, type: .person, id: nil, source: .cue))
                k = last + 1
                continue
            }
            if let (cueEnd, strong) = trigger(at: k, in: words), cueEnd + 1 < words.count, words.joined[cueEnd] {
                var first = cueEnd + 1
                while first + 1 < words.count, words.joined[first] {
                    if isNisbaAdjective(words[first].folded) || titleAdjectives.contains(words[first].folded) {
                        first += 1
                    } else if strong, words[first].folded == "باسم", let after = afterBodySpokenFor(first, in: words) {
                        // "المتحدث باسم وزارة الخارجية جون كيربي": the body, then the name.
                        first = after
                    } else if strong, let known = words.known[first], known.start > words[first].start,
                        words[first].folded.hasPrefix("ل"), known.lastWord + 1 < words.count, words.joined[known.lastWord]
                    {
                        // "المبعوث الخاص لليمن تيم ليندركينغ", "المبعوث الخاص للأمم المتحدة مارتن غريفيث"
                        first = known.lastWord + 1
                    } else {
                        break
                    }
                }
                // "وزير الخارجية توني بلينكن", "الوزير يائير لابيد": a given name shaped like a verb.
                if strong, let last = verbShapedGivenName(at: first, in: words) {
                    out.append(EntityCandidate(start: words[first].start, end: words[last].end, type: .person, id: nil, source: .cue))
                    k = last + 1
                    continue
                }
                let given = cues.arabicGivenNames.contains(words[first].folded) || words[first].folded.hasPrefix("عبد")
                // "المتحدث باسم الوزارة": a name that is also an everyday word needs a second part.
                let ambiguous = cues.arabicAmbiguousNames.contains(words[first].folded)
                if strong || given || bareNamePair(at: first, in: words),
                    let last = chain(from: first, prefix: 0, in: words, needsGiven: false, minimumParts: strong || given ? 1 : 2),
                    !ambiguous || last > first
                {
                    var start = words[first].start
                    // A royal rank stays part of the name: "الملك سلمان بن عبدالعزيز".
                    if cueEnd == k, first == k + 1, let royal = words.readings(k).first(where: { royalTitles.contains($0.stem) }) {
                        start = words.start(k, skippingFolded: royal.prefixLength)
                    }
                    out.append(EntityCandidate(start: start, end: words[last].end, type: .person, id: nil, source: .cue))
                    k = last + 1
                    continue
                }
                // "الفريق أول البرهان": after a title of two words, a definite surname standing alone.
                if strong, cueEnd > k, definiteSurname(at: first, in: words) {
                    out.append(EntityCandidate(start: words[first].start, end: words[first].end, type: .person, id: nil, source: .cue))
                    k = first + 1
                    continue
                }
            }
            for reading in words.readings(k) where reading.prefixLength == 0 || reading.prefixLength == 1 {
                guard cues.arabicGivenNames.contains(reading.stem) || reading.stem.hasPrefix("عبد") && reading.stem.count > 4 else { continue }
                if reading.prefixLength == 1, !(words[k].folded.hasPrefix("و") || words[k].folded.hasPrefix("ل")) { continue }
                // "لدينا" (we have) is not ل + "دينا": after ل a name has two parts.
                let ambiguous = cues.arabicAmbiguousNames.contains(reading.stem)
                    || reading.prefixLength == 1 && words[k].folded.hasPrefix("ل")
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

    /// A definite word that can be a family name standing alone after a title:
    /// five letters or more, no participle (الم…), adjective, noun in ة or
    /// known name, and no definite word after it in the same phrase.
    private static func definiteSurname(at m: Int, in words: EntityWords) -> Bool {
        let f = words[m].folded
        guard words[m].script == .arabic, f.hasPrefix("ال"), f.unicodeScalars.count >= 5, !f.hasPrefix("الم"),
            words[m].text.unicodeScalars.last != "\u{0629}", !isNisbaAdjective(f), !titleAdjectives.contains(f),
            words.known[m] == nil, isNamePart(f)
        else { return false }
        return !(m + 1 < words.count && words.joined[m] && words[m + 1].folded.hasPrefix("ال"))
    }

    /// After "باسم" (on behalf of) at word k: the body spoken for — a known
    /// name, or an organisation's head word and the definite words after it —
    /// and the word after it, or nil.
    private static func afterBodySpokenFor(_ k: Int, in words: EntityWords) -> Int? {
        guard k + 1 < words.count, words.joined[k] else { return nil }
        var m = k + 1
        if let known = words.known[m], known.start == words[m].start {
            m = known.lastWord + 1
        } else {
            if EntityCues.shared.arabicOrgHeads.contains(words[m].folded) { m += 1 }
            let start = m
            while m < words.count, words.joined[m - 1], words[m].folded.hasPrefix("ال") { m += 1 }
            guard m > start else { return nil }
        }
        guard m < words.count, words.joined[m - 1], words[m].script == .arabic else { return nil }
        return m
    }

    /// After a title, a foreign given name that looks like a present-tense
    /// verb ("توني", "يائير": ي ت ن, then a long vowel letter, four to five
    /// letters, no pronoun ending) with a surname after it (four letters or
    /// more, no verb, noun in ة, definite or known word), the phrase ending
    /// there (a stop word, a clitic on a definite word, punctuation). Returns
    /// the surname's word, or nil.
    private static func verbShapedGivenName(at m: Int, in words: EntityWords) -> Int? {
        let given = words[m]
        let scalars = Array(given.folded.unicodeScalars)
        guard m + 1 < words.count, words.joined[m], given.script == .arabic, (4...5).contains(scalars.count),
            ["\u{064A}", "\u{062A}", "\u{0646}"].contains(scalars[0]),
            ["\u{0627}", "\u{0648}", "\u{064A}", "\u{0626}"].contains(scalars[1]),
            given.text.unicodeScalars.last != "\u{0629}", scalars.last != "\u{0647}",
            !given.folded.hasSuffix("ها"), !given.folded.hasSuffix("هم"), !given.folded.hasSuffix("كم")
        else { return nil }
        let surname = words[m + 1]
        let f = surname.folded
        guard surname.script == .arabic, f.unicodeScalars.count >= 4, !f.hasPrefix("ال"), isNamePart(f), !looksLikeVerb(f),
            !isVerbOrPronounForm(surname), surname.text.unicodeScalars.last != "\u{0629}", !endsLikeFeminineVerb(surname),
            !hasPlaceAfterClitic(m + 1, in: words), words.known[m + 1] == nil
        else { return nil }
        if m + 2 < words.count, words.joined[m + 1], !StopWords.contains(words[m + 2].folded, language: "ar"),
            !hasPlaceAfterClitic(m + 2, in: words)
        {
            return nil
        }
        return m + 1
    }

    /// Abbreviated titles written as one letter and a full stop ("د." doctor,
    /// "م." engineer, "أ." professor): never a middle initial.
    private static let titleInitials: WordSet = ["د", "م", "ا"]

    /// A foreign name with a middle initial written in Arabic and no cue
    /// before it ("ويندي ر. شيرمان"): a bare word that is no definite word,
    /// stop word, title or verb of saying, then an initial and a name word
    /// (`wordAfterInitial`). The last word of the name at word k, or nil.
    private static func middleInitialName(at k: Int, in words: EntityWords) -> Int? {
        let cues = EntityCues.shared
        let first = words[k].folded
        guard k + 1 < words.count, words.joined[k], !titleInitials.contains(words[k + 1].folded),
            let last = wordAfterInitial(k + 1, in: words), first.unicodeScalars.count >= 3, !first.hasPrefix("ال"),
            !StopWords.contains(first, language: "ar"), !cues.arabicNotNames.contains(first),
            !cues.arabicTitles.contains(first), !unprefixedTitles.contains(first), !looksLikeVerb(first)
        else { return nil }
        return last
    }

    /// Ranks written as part of a royal's name ("الملك سلمان", "Prince Harry" in English).
    private static let royalTitles: WordSet = ["الملك", "الملكه", "الامير", "الاميره"]

    /// Definite adjectives of a title ("المبعوث الخاص", "الوزير السابق") between it and the name.
    private static let titleAdjectives: WordSet = ["الخاص", "الخاصه", "السابق", "السابقه", "الاسبق", "الحالي", "الجديد", "الاعلي", "العام", "الاول", "الدائم"]

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
                && !isVerbOrPronounForm(words[m]) && !(m == k + 1 && endsLikeFeminineVerb(words[m]))
        }
    }

    /// Four-letter words starting ي ت ن: present-tense verbs ("يشهد", "تعلن").
    private static func looksLikeVerb(_ folded: FoldedWord) -> Bool {
        guard let first = folded.unicodeScalars.first else { return false }
        return folded.unicodeScalars.count == 4 && (first == "ي" || first == "ت" || first == "ن")
            && !EntityCues.shared.arabicGivenNames.contains(folded)
    }

    /// "بمكة", "بالمدينة": a clitic on a known place or on a definite noun,
    /// so not a name part. The known name must be whole after the clitic:
    /// "بايدن" is a name, not ب + the first word of "ايدن بريري".
    private static func hasPlaceAfterClitic(_ m: Int, in words: EntityWords) -> Bool {
        if let known = words.known[m], known.start > words[m].start { return true }
        for reading in words.readings(m) where reading.prefixLength > 0 {
            if reading.stem.hasPrefix("ال") { return true }
        }
        return false
    }

    /// A verb or a word carrying a pronoun, never a name: "شكره" (his
    /// thanks), "بأنها" (that she), "لديهم", "يعتزم" (he intends), "أحيطت"
    /// (she was told). Checked on the text as written, so a name ending in
    /// ة (folded to ه: "حمزة") is not mistaken for ـه. Known given names pass.
    static func isVerbOrPronounForm(_ token: EnrichToken) -> Bool {
        let folded = token.folded
        if EntityCues.shared.arabicGivenNames.contains(folded) { return false }
        let scalars = Array(token.text.unicodeScalars.filter { $0.properties.isAlphabetic })
        let n = scalars.count
        guard n >= 3 else { return false }
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.unicodeScalars)
            return n > s.count + 1 && Array(scalars[(n - s.count)...]) == s
        }
        if ends("ها") || ends("هم") || ends("هما") || ends("كم") || ends("هن") { return true }
        if n >= 4, scalars[n - 1] == "\u{0647}" { return true }
        if folded.hasPrefix("بان") || folded.hasPrefix("لان") || folded.hasPrefix("كان") { return true }
        if (4...6).contains(n), scalars[0] == "\u{064A}" { return true }
        return false
    }

    /// A past-tense verb of the third person feminine ("أحيطت", "شاركت"),
    /// written with a final ت: not the second word of a bare name pair.
    private static func endsLikeFeminineVerb(_ token: EnrichToken) -> Bool {
        token.text.unicodeScalars.last == "\u{062A}" && !EntityCues.shared.arabicGivenNames.contains(token.folded)
    }

    /// "ج." in "أنتوني ج. بلينكن": one Arabic letter and a full stop inside a
    /// name, on the same line, before another name word. Returns that word.
    private static func wordAfterInitial(_ m: Int, in words: EntityWords) -> Int? {
        guard m + 1 < words.count, words[m].script == .arabic, words[m].folded.unicodeScalars.count == 1,
            let dot = words.tokenAfter(m), dot.text == ".", words.tokenIndex[m + 1] == words.tokenIndex[m] + 2,
            words[m + 1].script == .arabic, isNamePart(words[m + 1].folded)
        else { return nil }
        return m + 1
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
            // A title noun and its definite genitive: "وزير الخارجية", "مدير المكتب".
            if cues.arabicTitles.contains(reading), !reading.hasPrefix("ال"), k + 1 < words.count, words.joined[k],
                words[k + 1].script == .arabic, words[k + 1].folded.hasPrefix("ال"),
                !StopWords.contains(words[k + 1].folded, language: "ar")
            {
                return (k + 1, true)
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
            let after = words.tokenAfter(words.known[k]!.lastWord), after.text == ":",
            words.known[k]!.lastWord + 1 < words.count,
            // "القاهرة: السيد سليمان" is a byline; "فلسطين: ألم المنفى" is a
            // headline with its country: the name must open with a given name.
            cues.arabicGivenNames.contains(words[words.known[k]!.lastWord + 1].folded)
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
        guard isNamePart(firstWord), !looksLikeVerb(firstWord), prefix > 0 || !isVerbOrPronounForm(words[k]),
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
        let ambiguousStart = (cues.arabicAmbiguousNames.contains(firstWord) || prefix == 1 && words[k].folded.hasPrefix("ل"))
            && minimumParts > 1
        while m < words.count, words.joined[m - 1], words[m].script == .arabic {
            let f = words[m].folded
            // "أنتوني ج. بلينكن": an initial between two name words.
            // The name ends with the word after the initial: "ويندي ر. شيرمان الوفد".
            if let after = wordAfterInitial(m, in: words), parts < 4 {
                last = after
                parts += 1
                break
            }
            if isVerbOrPronounForm(words[m]) { break }
            if hasPlaceAfterClitic(m, in: words) || looksLikeVerb(f) || f.hasSuffix("كم") || f.hasSuffix("هم") { break }
            if f == "علي", m + 1 < words.count, words[m + 1].folded.hasPrefix("ال") { break }
            if f == "علي", words[m].text.unicodeScalars.last == "ى" { break }
            // "بمشاركة", "بحضور": ب + a noun ends the name; a long word in ي is
            // a surname that starts with ب ("بيلوسي", "باثيلي"), not ب + a noun.
            if f.hasPrefix("ب"), f.unicodeScalars.count >= 6, !cues.arabicGivenNames.contains(f), !f.hasSuffix("ي") { break }
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
                // "تيم ليندركينغ الأولوية": after a full name, or after a
                // surname standing alone ("المبعوث الخاص ليندركينغ الأولوية"),
                // a definite word in ة is a noun, not a family name; a given
                // name keeps one ("محمد العمرة").
                if parts >= 2 || !cues.arabicGivenNames.contains(firstWord),
                    words[m].text.unicodeScalars.last == "\u{0629}"
                {
                    break
                }
                last = m
                parts += 1
                break
            }
            if f.hasPrefix("و") && !cues.arabicGivenNames.contains(f) { break }
            // "غريفيث ملتزمان": after a surname standing alone, a derived
            // participle in the dual or plural is said of the person.
            if parts == 1, !cues.arabicGivenNames.contains(firstWord), isPluralParticiple(f) { break }
            // "حميدتي لمتابعة": ل and a noun in ة is a purpose phrase, not a surname.
            if parts == 1, !cues.arabicGivenNames.contains(firstWord), !cues.arabicGivenNames.contains(f), f.hasPrefix("ل"),
                words[m].text.unicodeScalars.last == "\u{0629}"
            {
                break
            }
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

    /// "ملتزمان", "مستعدون": م, a consonant, and a dual or plural ending
    /// (ان ون ين), six letters or more; "ماكرون" (م and a long vowel) is a name.
    private static func isPluralParticiple(_ folded: FoldedWord) -> Bool {
        let scalars = Array(folded.unicodeScalars)
        guard scalars.count >= 6, scalars[0] == "\u{0645}", !["\u{0627}", "\u{0648}", "\u{064A}"].contains(scalars[1]) else { return false }
        return folded.hasSuffix("ان") || folded.hasSuffix("ون") || folded.hasSuffix("ين")
    }

    private static func isNisba(_ folded: FoldedWord) -> Bool {
        folded.hasSuffix("ي") && folded.unicodeScalars.count >= 3
    }

    /// "السوداني", "الحقوقي": adjectives between a title and the name.
    private static func isNisbaAdjective(_ folded: FoldedWord) -> Bool {
        folded.hasPrefix("ال") && (folded.hasSuffix("ي") || folded.hasSuffix("يه"))
    }
}
