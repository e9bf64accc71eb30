/// English names from capitalised word runs ("Court of Appeals for the
/// District of Columbia", "Tayyip Erdogan"). A run may hold lower-case
/// connectors (of, for, the, and) and name particles (al-, von, der) between
/// capitalised words. Its type comes from its words: an organisation keyword
/// (Group, Council, Court…) makes an ORG, an event keyword an EVENT, a place
/// keyword (Stadium, Province…) or "town of" before it a PLACE; a following
/// "newspaper"/"company" an ORG. Otherwise a run of two to five words is a
/// PERSON (with more confidence after a title such as "President", "Minister",
/// "Mr", a byline "By", or before "said"/"told"); a single word is one only in
/// those places.
enum EnglishNames {
    private static let connectors: Set<String> = ["of", "for", "the", "and", "de", "du", "des"]

    /// A capitalised word, or a particle joined to one ("al-Assad", "el-Sisi").
    private static func isNameWord(_ token: EnrichToken) -> Bool {
        guard token.script == .latin else { return false }
        if token.isCapitalised { return true }
        // A hyphen stays in a word only between two Latin letters, so its
        // byte is a Character boundary on both sides: searching the UTF-8
        // bytes finds the same index as searching Characters, far cheaper.
        guard let hyphen = token.text.utf8.firstIndex(of: UInt8(ascii: "-")) else { return false }
        let particle = token.text[..<hyphen].lowercased()
        let rest = token.text[token.text.index(after: hyphen)...]
        return EntityCues.shared.latinParticles.contains(particle) && rest.first?.isUppercase == true
    }

    /// "RussiaSyriaTurkey": tags run together by a page dump, not a name.
    private static func isRunTogether(_ word: String) -> Bool {
        var capitals = 0
        var lower = false
        // ASCII bytes first: there each Character is one scalar (or CR LF),
        // upper case exactly A–Z and lower case a–z.
        var ascii = true
        for byte in word.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A { capitals += 1 } else if byte >= 0x61 && byte <= 0x7A { lower = true }
        }
        if ascii { return capitals > 2 && lower }
        capitals = 0
        lower = false
        for character in word {
            if character.isUppercase { capitals += 1 } else if character.isLowercase { lower = true }
        }
        return capitals > 2 && lower
    }

    /// "US-based", "Saudi-led": a compound adjective, not a name word.
    private static func isCompoundAdjective(_ token: EnrichToken) -> Bool {
        guard let hyphen = token.text.utf8.lastIndex(of: UInt8(ascii: "-")) else { return false }
        return token.text[token.text.index(after: hyphen)...].first?.isLowercase == true
    }

    /// "J." in "Antony J. Blinken": one capital letter and a full stop,
    /// directly before the next word of the name.
    private static func isInitial(_ k: Int, in words: EntityWords) -> Bool {
        guard k + 1 < words.count, words[k].script == .latin, words[k].text.unicodeScalars.count == 1,
            words[k].isCapitalised, let dot = words.tokenAfter(k), dot.text == ".",
            words.tokenIndex[k + 1] == words.tokenIndex[k] + 2, words[k + 1].isCapitalised
        else { return false }
        return true
    }

    /// Ranks that stay part of the name ("Prince Harry", "Queen Elizabeth").
    private static let royalTitles: Set<String> = ["King", "Queen", "Prince", "Princess"]

    static func candidates(in words: EntityWords) -> [EntityCandidate] {
        let cues = EntityCues.shared
        var out: [EntityCandidate] = []
        var k = 0
        while k < words.count {
            guard isNameWord(words[k]), !isCompoundAdjective(words[k]) else {
                k += 1
                continue
            }
            var last = k
            var m = k + 1
            while m < words.count, words.joined[m - 1] || isInitial(m - 1, in: words), words[m].script == .latin,
                !isCompoundAdjective(words[m])
            {
                // "Alejandro Toledo": after a lone given name, a place's name is the surname.
                let surnameAfterGivenName = last == m - 1 && words.known[m - 1] == nil
                    && cues.englishGivenNames.contains(words[m - 1].text)
                if !surnameAfterGivenName, let known = words.known[m], known.name.type != .person,
                    words.known[k] == nil || known.firstWord != k
                {
                    // A known place or organisation ends a run of unknown words ("… Reuters").
                    if !(k..<m).contains(where: { cues.englishOrgKeywords.contains(words[$0].text) }) { break }
                }
                if isNameWord(words[m]) {
                    last = m
                    m += 1
                } else if connectors.contains(words[m].text) || cues.latinParticles.contains(words[m].text.lowercased()) {
                    var n = m
                    while n < words.count, words.joined[n - 1], words[n].script == .latin, !words[n].isCapitalised,
                        connectors.contains(words[n].text) || cues.latinParticles.contains(words[n].text.lowercased()),
                        n - m < 2
                    {
                        n += 1
                    }
                    guard n < words.count, words.joined[n - 1], words[n].isCapitalised, words[n].script == .latin else { break }
                    // "told Israel Army Radio the Palestinian group": a bare
                    // "the" ends a name; it joins only after of/for/and.
                    if n == m + 1, words[m].text == "the" { break }
                    last = n
                    m = n + 1
                } else {
                    break
                }
            }
            out += classify(first: k, last: last, in: words)
            k = last + 1
        }
        return out + ampersandFirms(in: words) + actingAcronyms(in: words)
    }

    /// "ASIO already has", "HIH was wound up", "The IMF says": an acronym of
    /// three to five capitals that acts as a subject is a body. Not an
    /// everyday word ("AIDS"), a known name, a time zone or other word that is
    /// never a name, and not inside a capitalised run ("HIV infection" is no
    /// subject).
    private static func actingAcronyms(in words: EntityWords) -> [EntityCandidate] {
        let cues = EntityCues.shared
        var out: [EntityCandidate] = []
        for k in 0..<words.count {
            let token = words[k]
            guard token.script == .latin, (3...5).contains(token.text.utf8.count), token.text.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }),
                words.known[k] == nil, !cues.englishWords.contains(token.folded), !cues.englishNotNames.contains(token.text),
                !cues.englishNotEntities.contains(token.text), k + 1 < words.count, words.joined[k],
                cues.englishActingAfter.contains(words[k + 1].text)
            else { continue }
            if k > 0, words.joined[k - 1], words[k - 1].isCapitalised, words[k - 1].text.lowercased() != "the" { continue }
            out.append(EntityCandidate(start: token.start, end: token.end, type: .org, id: nil, source: .pattern))
        }
        return out
    }

    /// "Dun & Bradstreet", "Marks & Spencer": two capitalised words joined by
    /// "&" name a firm, unless both are everyday words ("News & Events", a
    /// page's menu).
    private static func ampersandFirms(in words: EntityWords) -> [EntityCandidate] {
        let everyday = EntityCues.shared.englishWords
        var out: [EntityCandidate] = []
        for k in 0..<max(words.count - 1, 0) {
            guard words.tokenIndex[k + 1] == words.tokenIndex[k] + 2, let between = words.tokenAfter(k), between.text == "&",
                words[k].script == .latin, words[k + 1].script == .latin, words[k].isCapitalised, words[k + 1].isCapitalised,
                words[k].text.unicodeScalars.count >= 2, words[k + 1].text.unicodeScalars.count >= 2,
                !everyday.contains(words[k].folded) || !everyday.contains(words[k + 1].folded)
            else { continue }
            out.append(EntityCandidate(start: words[k].start, end: words[k + 1].end, type: .org, id: nil, source: .pattern))
        }
        return out
    }

    private static func classify(first: Int, last: Int, in words: EntityWords) -> [EntityCandidate] {
        let cues = EntityCues.shared
        let runFirst = first
        var first = first
        // A body's name may open with an everyday noun that is no name on its
        // own ("Law Council", "Health Department") and may be a nationality
        // and its government ("Indian Government"): in a run ending in an
        // organisation keyword, only function words are dropped from its
        // front, and the keyword itself stays.
        let orgRun = cues.englishOrgKeywords.contains(words[last].text)
        while first <= last, cues.englishNotNames.contains(words[first].text) || words[first].text.lowercased() == "the",
            !cues.englishTitles.contains(words[first].text)
        {
            if orgRun, first == last || isContentNoun(words[first]) { break }
            first += 1
        }
        guard first <= last else { return [] }
        let texts = (first...last).map { words[$0].text }
        if texts.contains(where: { cues.englishNotEntities.contains($0) || isRunTogether($0) }) { return [] }
        func candidate(_ a: Int, _ b: Int, _ type: Entity.Kind, _ source: EntityCandidate.Source) -> EntityCandidate {
            EntityCandidate(start: words[a].start, end: words[b].end, type: type, id: nil, source: source)
        }
        // "IslamOnline.net said": a web address standing as a name is an outlet.
        if first == last, isWebOutlet(words[first]) { return [candidate(first, last, .org, .context)] }
        // "Secretary of State Antony Blinken", "Minister of Defence": the office is no name.
        if cues.englishTitles.contains(texts[0]), !royalTitles.contains(texts[0]), first + 2 <= last,
            words[first + 1].text == "of"
        {
            return first + 3 <= last ? classify(first: first + 3, last: last, in: words) : []
        }
        // "the Labour MP for Pendle Valley": the words before a member's title
        // name the party, the run after "for" the seat, a place.
        if let member = (first...last).first(where: { cues.englishMemberTitles.contains(words[$0].text) }) {
            var out: [EntityCandidate] = []
            if member > first, isParty(first, member - 1, in: words) { out.append(candidate(first, member - 1, .org, .cue)) }
            if member + 2 <= last, words[member + 1].text == "for" {
                return out + [candidate(member + 2, last, .place, .cue)]
            }
            return member < last ? out + classify(first: member + 1, last: last, in: words) : out
        }
        // "Palestinian Authority President Mahmoud Abbas": the body, then its officer.
        if first + 1 < last, let title = (first + 1..<last).first(where: { isOfficeTitle(words[$0]) }),
            (first..<title).contains(where: { cues.englishOrgKeywords.contains(words[$0].text) })
        {
            let body = withNationality(first, back: runFirst, in: words)
            return (title - body >= 2 ? splitOnAnd(body, title - 1, .org, keywords: cues.englishOrgKeywords, in: words) : [])
                + classify(first: title + 1, last: last, in: words)
        }
        if texts.contains(where: { cues.englishEventKeywords.contains($0) }) && texts.count > 1 {
            return [candidate(first, last, .event, .pattern)]
        }
        // "Woomera Detention Centre", "Long Bay Jail": a place of detention is a place.
        if texts.count > 1, isDetentionPlace(texts) {
            return splitOnAnd(withNationality(first, back: runFirst, in: words), last, .place, keywords: detentionHeads, in: words)
        }
        if texts.contains(where: { cues.englishOrgKeywords.contains($0) }) {
            // "Russian Foreign Ministry": a nationality before a body is part of its name.
            let orgFirst = withNationality(first, back: runFirst, in: words)
            return last > orgFirst ? splitOnAnd(orgFirst, last, .org, keywords: cues.englishOrgKeywords, in: words) : []
        }
        if texts.contains(where: { cues.englishPlaceKeywords.contains($0) }) && texts.count > 1
            || first > runFirst && texts.count == 1 && cues.englishPlaceKeywords.contains(texts[0])
        {
            // "Slovak Republic": the nationality names the place.
            let placeFirst = withNationality(first, back: runFirst, in: words)
            return splitOnAnd(placeFirst, last, .place, keywords: cues.englishPlaceKeywords, in: words)
        }
        if let after = words.tokenAfter(last), after.kind == .word, cues.englishOrgAfter.contains(after.text) {
            return [candidate(first, last, .org, .pattern)]
        }
        if first > 1, words[first - 1].text == "of", ["town", "city", "village", "province", "region", "capital"].contains(words[first - 2].text) {
            return [candidate(first, last, .place, .pattern)]
        }
        var personStart = first
        var titled = false
        var royal = false
        for m in first...last where cues.englishTitles.contains(words[m].text) {
            royal = royalTitles.contains(words[m].text) && m < last
            personStart = royal ? m : m + 1
            titled = true
        }
        if !titled, first > 0, cues.englishTitles.contains(words[first - 1].text) || cues.englishBylineCues.contains(words[first - 1].text) {
            titled = true
        }
        if !titled, let after = words.tokenAfter(last), after.kind == .word, cues.englishSpeechVerbs.contains(after.text) {
            titled = true
        }
        // "the Bush administration": a lone surname before the word for a
        // leader's term of office names that leader.
        if !titled, first == last, words.known[first] == nil, let after = words.tokenAfter(last), after.kind == .word,
            cues.englishLeaderBefore.contains(after.text)
        {
            titled = true
        }
        while !royal, personStart <= last, cues.englishNotNames.contains(words[personStart].text) { personStart += 1 }
        guard personStart <= last else { return [] }
        let runs = splitOnConnectors(personStart, last, in: words).flatMap { splitOnNotNames($0.0, $0.1, in: words) }
        var out: [EntityCandidate] = []
        for (a, b) in runs {
            let size = b - a + 1
            if size >= 2 && size <= 5 || size == 1 && titled && a == personStart {
                if (a...b).allSatisfy({ !words[$0].isAllCaps || words[$0].text.count <= 2 }) {
                    // A lower-case particle inside ("Osama bin Laden", "Ursula von
                    // der Leyen") marks a person's name, whatever its last word.
                    let particle = (a...b).contains { !words[$0].isCapitalised && cues.latinParticles.contains(words[$0].text) }
                    let known = titled || particle || cues.englishGivenNames.contains(words[a].text)
                    // "Far East", "Charge Demolition": every word an everyday word, no cue: not a name;
                    // "Sydney Test", "Jordan Memorandum": nor is a run ending in one.
                    if !known, cues.englishWords.contains(words[b].folded) { continue }
                    out.append(candidate(a, b, .person, known ? .cue : .heuristic))
                }
            }
        }
        return out
    }

    /// One or two words before a member's title that can name a party: no
    /// nationality, title or known place, and an everyday word ("Labour",
    /// "Senior") only after an article ("the Labour MP", not "Senior MPs").
    private static func isParty(_ a: Int, _ b: Int, in words: EntityWords) -> Bool {
        let cues = EntityCues.shared
        guard b - a <= 1, (a...b).allSatisfy({ words.known[$0] == nil && !cues.englishDemonyms.contains(words[$0].text)
            && !cues.englishTitles.contains(words[$0].text) && !cues.englishNotNames.contains(words[$0].text) })
        else { return false }
        if !(a...b).contains(where: { cues.englishWords.contains(words[$0].folded) }) { return true }
        guard let before = words.tokenBefore(a), before.kind == .word else { return false }
        return ["the", "a", "an"].contains(before.text.lowercased())
    }

    /// A capitalised web address ("IslamOnline.net", "STL.News"): a name of
    /// two letters or more, a full stop, and a domain suffix of
    /// `entity-cues.json`.
    private static func isWebOutlet(_ token: EnrichToken) -> Bool {
        guard token.script == .latin, token.isCapitalised, let dot = token.text.utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let name = token.text[..<dot]
        let suffix = token.text[token.text.index(after: dot)...]
        return name.filter(\.isLetter).count >= 2 && EntityCues.shared.webDomainSuffixes.contains(suffix.lowercased())
    }

    /// A run naming a place of detention: ending in "Detention Centre" (or
    /// Center) or in Prison, Jail, Gaol.
    private static let detentionHeads: Set<String> = ["Centre", "Center", "Prison", "Jail", "Gaol"]

    private static func isDetentionPlace(_ texts: [String]) -> Bool {
        guard let last = texts.last else { return false }
        if ["Prison", "Jail", "Gaol"].contains(last) { return true }
        return texts.count >= 3 && texts[texts.count - 2] == "Detention" && (last == "Centre" || last == "Center")
    }

    /// An everyday noun or adjective ("Law", "Health"), not a function word,
    /// nationality or date word.
    private static func isContentNoun(_ token: EnrichToken) -> Bool {
        let cues = EntityCues.shared
        return cues.englishWords.contains(token.folded) && !StopWords.contains(token.folded, language: "en")
            && !cues.englishDemonyms.contains(token.text)
    }

    /// "Liggett Group and Brown and Williamson" → two names; "Tori Bowie of the US" → two.
    private static func splitOnConnectors(_ first: Int, _ last: Int, in words: EntityWords) -> [(Int, Int)] {
        var runs: [(Int, Int)] = []
        var start = first
        var m = first
        while m <= last {
            if connectors.contains(words[m].text) {
                if m > start { runs.append((start, m - 1)) }
                start = m + 1
            }
            m += 1
        }
        if start <= last { runs.append((start, last)) }
        return runs
    }

    /// The start of a body's or place's name moved back over the
    /// nationalities before it ("Russian Foreign Ministry"), not past `limit`.
    private static func withNationality(_ first: Int, back limit: Int, in words: EntityWords) -> Int {
        var start = first
        while start > limit, EntityCues.shared.englishDemonyms.contains(words[start - 1].text) { start -= 1 }
        return start
    }

    /// A capitalised office ("President", "Spokesperson") inside a run: it
    /// ends the name of a body before it and opens a person's name.
    private static func isOfficeTitle(_ token: EnrichToken) -> Bool {
        token.isCapitalised && EntityCues.shared.englishTitles.contains(token.text) && !royalTitles.contains(token.text)
    }

    /// "Jordan October": a word that is never part of a name (a month, a
    /// weekday, a pronoun) ends one name; the words after it may start another.
    private static func splitOnNotNames(_ first: Int, _ last: Int, in words: EntityWords) -> [(Int, Int)] {
        let notNames = EntityCues.shared.englishNotNames
        var runs: [(Int, Int)] = []
        var start = first
        for m in first...last where notNames.contains(words[m].text) {
            if m > start { runs.append((start, m - 1)) }
            start = m + 1
        }
        if start <= last { runs.append((start, last)) }
        return runs
    }

    private static func splitOnAnd(
        _ first: Int, _ last: Int, _ type: Entity.Kind, keywords: Set<String>, in words: EntityWords
    ) -> [EntityCandidate] {
        var out: [EntityCandidate] = []
        var start = first
        for m in first...last + 1 {
            if m < last, words[m].text == "and", isCoordinatedGenitive(at: m, last: last, in: words) { continue }
            // "University and College Union": a head word alone before "and" is
            // no name of its own; with a name of two words or more after it, the
            // coordination is inside one body's name.
            if m + 2 <= last, words[m].text == "and", m == start + 1, keywords.contains(words[start].text) { continue }
            if m == last + 1 || words[m].text == "and" {
                if m > start {
                    let part = (start...(m - 1))
                    // Each part takes its own keyword: "the Greens Party and Helmand
                    // Province" is a body and a place, never a person.
                    let cues = EntityCues.shared
                    func has(_ set: Set<String>) -> Bool { part.contains(where: { set.contains(words[$0].text) }) }
                    let type: Entity.Kind? = has(keywords) ? type
                        : has(cues.englishOrgKeywords) ? .org
                        : has(cues.englishPlaceKeywords) ? .place
                        : (m - start >= 2 ? .person : nil)
                    if let type {
                        out.append(EntityCandidate(start: words[start].start, end: words[m - 1].end, type: type, id: nil, source: .pattern))
                    }
                }
                start = m + 1
                // "… and the Hashemite Kingdom": the article is not part of the name.
                if start <= last, words[start].text == "the" { start += 1 }
            }
        }
        return out
    }

    /// "Institute of Health and Welfare", "Department of Trade and Industry":
    /// "and" between two everyday nouns after "of", the second ending the run,
    /// joins the body's field, not two names.
    private static func isCoordinatedGenitive(at m: Int, last: Int, in words: EntityWords) -> Bool {
        let everyday = EntityCues.shared.englishWords
        return m + 1 == last && m >= 2 && words[m - 2].text == "of"
            && everyday.contains(words[m - 1].folded) && everyday.contains(words[m + 1].folded)
            && words.known[m + 1] == nil
    }
}
