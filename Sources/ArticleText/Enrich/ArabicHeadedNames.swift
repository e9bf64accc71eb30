/// Arabic names built on a head noun that no list can hold: "وزارة الموارد
/// المائية والري", "اللجنة العسكرية العليا", "جامعة جونز هوبكنز", "مؤتمر الدفاع
/// الدولي 2025", "قصر الإمارات", "ولاية ماريلاند". The head (with or without
/// clitics) is followed by modifiers: definite words (adjectives or genitives),
/// لل/ل + noun, و + coordinated noun, "الملك" + name, or up to two bare words
/// (a foreign or proper name); a year closes an event. At least one modifier.
enum ArabicHeadedNames {
    private enum Step {
        case head
        case definite
        case bare
        case preposition
        case conjunction
        case royal
    }

    /// Heads that take the article and then need an adjective ("اللجنة العسكرية").
    private static let definiteHeads: WordSet = [
        "الهيئه", "المؤسسه", "اللجنه", "السفاره", "البورصه", "المجلس", "الاتحاد", "المنظمه", "الجمعيه",
        "المحكمه", "المديريه", "الوكاله", "القوات", "الجامعه", "الحكومه", "الجيش", "البنك", "المصرف", "الصندوق",
        "الوزاره", "الغرفه", "الرابطه", "الشركه", "المجموعه", "القنصليه", "السلطه",
    ]
    /// Definite adjectives that are not nisba forms but often follow a head.
    private static let headAdjectives: WordSet = [
        "العامه", "العام", "العليا", "الاعلي", "الوطني", "الوطنيه", "المركزي", "المركزيه", "الدولي", "الدوليه",
        "المتحده", "الكبري", "الاهلي", "المستقله", "المشتركه", "التنفيذيه", "الدائمه", "الخاصه", "المسلحه",
    ]
    /// Definite adjectives that describe rather than name ("القوات الموالية").
    private static let describingAdjectives: WordSet = [
        "المواليه", "الموالي", "المحليه", "المعنيه", "المختصه", "الحكوميه", "الاخري", "المذكوره", "الالكتروني",
        "الحاليه", "السابقه", "الجديده", "التاريخيه",
    ]
    private static let royals: WordSet = ["الملك", "الامير", "الشيخ", "السلطان"]

    static func candidates(in words: EntityWords) -> [EntityCandidate] {
        let cues = EntityCues.shared
        var out: [EntityCandidate] = []
        var k = 0
        while k < words.count {
            guard words[k].script == .arabic, let head = head(at: k, in: words) else {
                k += 1
                continue
            }
            let isMedia = cues.arabicMediaHeads.contains(head.noun)
            // "قناة السويس", "قناة الجزيرة": the head begins a name already known.
            if isMedia, let known = words.known[k], known.lastWord > k {
                k += 1
                continue
            }
            let type: Entity.Kind
            if cues.arabicEventHeads.contains(head.noun) {
                type = .event
            } else if cues.arabicPlaceHeads.contains(head.noun) {
                type = .place
            } else {
                type = .org
            }
            let modifiers = self.modifiers(after: k, head: head, type: type, in: words)
            guard let last = modifiers.last else {
                k += 1
                continue
            }
            var start = words.start(k, skippingFolded: head.prefixLength)
            var restoresArticle = head.restoresArticle
            if cues.arabicOrgHeadsOutside.contains(head.noun) || isMedia
                || (type == .place && !cues.arabicPlaceHeadsKeepHead.contains(head.noun))
            {
                start = words[k + 1].start
                restoresArticle = false
            }
            // After a media head the name is an outlet, even where it also names a place ("صحيفة الخليج").
            out.append(EntityCandidate(
                start: start, end: words[last].end, type: type, id: nil, source: isMedia ? .context : .pattern,
                restoresArticle: restoresArticle))
            k = last + 1
        }
        return out
    }

    private struct Head {
        var noun: FoldedWord
        var definite: Bool
        var prefixLength: Int
        var restoresArticle = false
    }

    /// The head noun at word k, clitics removed ("بجامعة" → جامعة).
    private static let heads = WordSet(
        EntityCues.shared.arabicOrgHeads.words + EntityCues.shared.arabicEventHeads.words + EntityCues.shared.arabicPlaceHeads.words
            + EntityCues.shared.arabicMediaHeads.words)
    private static let timeWords: WordSet = ["اليوم", "امس", "غدا", "الان", "حاليا", "مؤخرا"]

    private static func head(at k: Int, in words: EntityWords) -> Head? {
        for reading in words.readings(k) {
            if heads.contains(reading.stem) {
                return Head(
                    noun: reading.stem, definite: reading.stem.hasPrefix("ال"), prefixLength: reading.prefixLength,
                    restoresArticle: reading.restoresArticle)
            }
            if definiteHeads.contains(reading.stem) {
                let bare = reading.stem.droppingFirst(2)
                let noun = heads.contains(bare) ? bare : reading.stem
                return Head(
                    noun: noun, definite: true, prefixLength: reading.prefixLength, restoresArticle: reading.restoresArticle)
            }
        }
        return nil
    }

    private static func modifiers(after k: Int, head: Head, type: Entity.Kind, in words: EntityWords) -> [Int] {
        let cues = EntityCues.shared
        var taken: [Int] = []
        var step = Step.head
        var bareRun = 0
        var m = k + 1
        while m < words.count, words.joined[m - 1], taken.count < 7 {
            let word = words[m]
            let f = word.folded
            if word.kind == .number {
                if type == .event, f.count == 4, f.hasPrefix("19") || f.hasPrefix("20"), !taken.isEmpty {
                    taken.append(m)
                }
                break
            }
            // "بعثة الأمم المتحدة للدعم في ليبيا": a mission is named by the
            // country it serves in; "في" and that place close its name.
            if head.noun == "بعثه", f == "في", !taken.isEmpty, m + 1 < words.count, words.joined[m],
                let place = words.known[m + 1], place.name.type == .place, place.start == words[m + 1].start
            {
                taken.append(contentsOf: m...place.lastWord)
                break
            }
            guard word.script == .arabic, royals.contains(f) || step == .royal || !isStop(f) else { break }
            if step != .royal, let place = words.known[m], place.name.type == .place,
                place.start == word.start, step == .head || step == .definite
            {
                // A known place closes the name: "جامعة القاهرة", "بورصة مصر".
                taken.append(contentsOf: m...place.lastWord)
                break
            }
            // "مجلس النواب والمجلس الأعلى": a second body coordinated with و is a name of its own.
            if f.hasPrefix("و"), isHead(f.droppingFirst(1)) || definiteHeads.contains(f.droppingFirst(1)) { break }
            // "مجلس العموم البريطاني والبوندستاغ": a nationality closes the name;
            // و after it joins another body. After a media head the
            // nationality is the outlet's, not its name's ("صحيفة الغارديان البريطانية").
            if let previous = taken.last, f.hasPrefix("و"), isNationality(words[previous].folded) { break }
            if cues.arabicMediaHeads.contains(head.noun), !taken.isEmpty, isNationality(f) { break }
            // "مجلس الأمن الدولي الأسبوع الماضي": a time phrase follows the name.
            if cues.arabicTimeNouns.contains(f), m + 1 < words.count, words.joined[m],
                cues.arabicTimeAdjectives.contains(words[m + 1].folded)
            {
                break
            }
            let isDefinite = f.hasPrefix("ال") && f.count > 3
            // "…والري المصرية" but not "…والبوندستاغ المسألة": after a
            // coordinated definite noun only an adjective continues the name.
            if isDefinite, let previous = taken.last, words[previous].folded.hasPrefix("وال"), !isNisba(f),
                !headAdjectives.contains(f)
            {
                break
            }
            // "المحكمة العليا المتقاعدين": after an adjective, a definite plural
            // that is no adjective itself begins another phrase.
            if isDefinite, step == .definite, let previous = taken.last, !isNisba(f),
                isNisba(words[previous].folded) || headAdjectives.contains(words[previous].folded),
                f.hasSuffix("ين") || f.hasSuffix("ون")
            {
                break
            }
            // "تدين السفارة الأمريكية الهجوم": a head with the article takes
            // adjectives only (a genitive cannot follow it), so a definite word
            // that is no adjective begins another phrase.
            // After "لل" + noun ("المجلس الأعلى للقضاء الإداري") the noun's own words follow.
            if isDefinite, head.definite, step == .definite, let previous = taken.last,
                !words[previous].folded.hasPrefix("لل"), !isNisba(f), !headAdjectives.contains(f)
            {
                break
            }
            let nextDefinite =
                m + 1 < words.count && words.joined[m] && words[m + 1].folded.hasPrefix("ال")
                && !isStop(words[m + 1].folded)
            var accept = false
            var next = step
            if step == .royal {
                accept = !isDefinite && !cues.arabicNotNames.contains(f)
                next = .bare
            } else if head.definite && step == .head {
                accept = isDefinite && (isNisba(f) || headAdjectives.contains(f)) && !describingAdjectives.contains(f)
                next = .definite
            } else if royals.contains(f) && (step == .head || step == .definite) {
                accept = true
                next = .royal
            } else if isDefinite {
                accept = step != .bare || isNisba(f)
                if step == .head && cues.arabicOrgHeadsNeedingName.contains(head.noun) { accept = false }
                next = .definite
            } else if f.hasPrefix("لل") && f.count > 4 {
                accept = step != .conjunction
                next = .definite
            } else if f.hasPrefix("وال") && f.count > 4 {
                accept = step == .definite
                next = .definite
            } else if (f.hasPrefix("و") || f.hasPrefix("ل")) && f.count > 3 && nextDefinite && !isHead(f.droppingFirst(1)) {
                accept = step == .definite
                next = .preposition
            } else if !f.hasPrefix("و") && !(f.hasPrefix("ب") && words.readings(m).contains { $0.prefixLength > 0 && ($0.stem.hasPrefix("ال") || Gazetteer.shared.startsName($0.stem)) }) {
                accept = (step == .head || step == .bare) && bareRun < 2 && !cues.arabicNotNames.contains(f)
                    && !(step == .head && isNisba(f))
                    // "حكومة قادرة", "مجموعة كبيرة": an adjective agreeing with the head, no name;
                    // a feminine plural takes the same form ("انتخابات حرة").
                    && !(step == .head && (endsInTaMarbuta(words[k]) || endsInFemininePlural(words[k])) && endsInTaMarbuta(word))
                next = .bare
            }
            if step == .preposition { accept = isDefinite }
            guard accept else { break }
            bareRun = next == .bare ? bareRun + 1 : 0
            taken.append(m)
            step = next
            m += 1
        }
        if step == .preposition { taken.removeLast() }
        return taken
    }

    private static func endsInTaMarbuta(_ token: EnrichToken) -> Bool {
        token.text.unicodeScalars.last == "\u{0629}"
    }

    /// "انتخابات", "مفاوضات": a sound feminine plural (ending ات).
    private static func endsInFemininePlural(_ token: EnrichToken) -> Bool {
        let scalars = token.text.unicodeScalars
        return scalars.count > 4 && scalars.last == "\u{062A}" && scalars.dropLast().last == "\u{0627}"
    }

    private static func isHead(_ folded: FoldedWord) -> Bool {
        heads.contains(folded)
    }

    /// Words that end a name: stop words, titles, speech verbs, other heads.
    private static func isStop(_ folded: FoldedWord) -> Bool {
        let cues = EntityCues.shared
        return StopWords.contains(folded, language: "ar") || cues.arabicTitles.contains(folded)
            || cues.arabicSpeechVerbs.contains(folded) || isHead(folded)
            || timeWords.contains(folded)
    }

    /// A nationality adjective: a relative adjective whose stem names a
    /// place ("البريطاني" ← بريطانيا, "العراقية" ← العراق, "المصري" ← مصر).
    private static func isNationality(_ folded: FoldedWord) -> Bool {
        guard isNisba(folded) else { return false }
        var stem = folded.string
        if stem.hasPrefix("ال") { stem.removeFirst(2) }
        for suffix in ["يين", "يون", "يه", "ي"] where stem.hasSuffix(suffix) {
            stem.removeLast(suffix.count)
            break
        }
        guard stem.count >= 2 else { return false }
        let gazetteer = Gazetteer.shared
        return [stem, stem + "ا", stem + "يا", "ال" + stem, "ال" + stem + "يه"].contains {
            gazetteer.isPlaceName(FoldedWord($0))
        }
    }

    /// A relative adjective ("المصرية", "العسكري").
    private static func isNisba(_ folded: FoldedWord) -> Bool {
        folded.hasSuffix("ي") || folded.hasSuffix("يه") || folded.hasSuffix("يين") || folded.hasSuffix("يون")
    }
}
