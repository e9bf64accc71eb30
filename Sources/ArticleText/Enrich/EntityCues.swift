/// The cue words of `EnrichData/entity-cues.json` and the given names of
/// `EnrichData/person-names.json` and `english-given-names.json`, folded: the words next to which a name,
/// an organisation, an event or a place is likely.
struct EntityCues: Sendable {
    private struct CueFile: Decodable {
        var arabicTitles: [String]
        var arabicSpeechVerbs: [String]
        var arabicBylineCues: [String]
        var arabicOrgHeads: [String]
        var arabicOrgHeadsNeedingName: [String]
        var arabicOrgHeadsOutside: [String]
        var arabicMediaHeads: [String]
        var arabicEventHeads: [String]
        var arabicPlaceHeads: [String]
        var arabicPlaceHeadsKeepHead: [String]
        var arabicNotNames: [String]
        var arabicTimeNouns: [String]
        var arabicTimeAdjectives: [String]
        var englishTitles: [String]
        var englishSpeechVerbs: [String]
        var englishBylineCues: [String]
        var englishOrgKeywords: [String]
        var englishEventKeywords: [String]
        var englishPlaceKeywords: [String]
        var englishOrgAfter: [String]
        var englishActingAfter: [String]
        var englishMemberTitles: [String]
        var englishLeaderBefore: [String]
        var englishNotNames: [String]
        var englishDemonyms: [String]
        var englishNotEntities: [String]
        var webDomainSuffixes: [String]
        var placeContextWords: [String]
    }

    private struct NameFile: Decodable {
        struct Particles: Decodable {
            var arabic: [String]
            var latin: [String]
        }
        var arabic: [String]
        var ambiguous: [String]
        var english: [String]
        var particles: Particles
    }

    static let shared = EntityCues()

    let arabicTitles: WordSet
    /// Two-word titles ("رئيس الوزراء"), as "first second".
    let arabicTitlePairs: WordSet
    let arabicSpeechVerbs: WordSet
    let arabicBylineCues: WordSet
    let arabicOrgHeads: WordSet
    let arabicOrgHeadsNeedingName: WordSet
    let arabicOrgHeadsOutside: WordSet
    /// "صحيفة", "قناة": the name after the word is an outlet, whatever else it names ("صحيفة الخليج").
    let arabicMediaHeads: WordSet
    let arabicEventHeads: WordSet
    let arabicPlaceHeads: WordSet
    let arabicPlaceHeadsKeepHead: WordSet
    let arabicNotNames: WordSet
    /// "العام الماضي", "الأسبوع المقبل": a time noun and its adjective end a name before them.
    let arabicTimeNouns: WordSet
    let arabicTimeAdjectives: WordSet
    let arabicGivenNames: WordSet
    let arabicAmbiguousNames: WordSet
    let arabicParticles: WordSet
    let englishTitles: Set<String>
    let englishSpeechVerbs: Set<String>
    let englishBylineCues: Set<String>
    let englishOrgKeywords: Set<String>
    let englishEventKeywords: Set<String>
    let englishPlaceKeywords: Set<String>
    let englishOrgAfter: Set<String>
    /// Words after a subject that acts or speaks ("ASIO already has", "The IMF says").
    let englishActingAfter: Set<String>
    /// A member's title between a party and a seat ("the Labour MP for Leeds North").
    let englishMemberTitles: Set<String>
    /// Words after a lone surname that make it the leader's name ("the Bush administration").
    let englishLeaderBefore: Set<String>
    let englishNotNames: Set<String>
    /// "Russian", "Saudi": never a person's name, but part of a body's ("Russian Foreign Ministry").
    let englishDemonyms: Set<String>
    /// Capitalised words that make a run a title of a law or a page label, not a name.
    let englishNotEntities: Set<String>
    /// Last labels of a web address that names an outlet ("IslamOnline.net", "STL.News").
    let webDomainSuffixes: Set<String>
    let englishGivenNames: Set<String>
    let latinParticles: Set<String>
    /// Prepositions and place nouns before which a name is a place ("في", "مدينة", "in").
    let placeContextWords: WordSet
    /// Everyday lower-case English words (`english-words.json`), folded.
    let englishWords: WordSet

    private init() {
        let cues = EnrichResource.decode(CueFile.self, from: "entity-cues")
        let names = EnrichResource.decode(NameFile.self, from: "person-names")
        func fold(_ words: [String]) -> WordSet { WordSet(words.map { FoldedWord(folding: $0) }) }
        let titles = cues.arabicTitles.map(Normaliser.fold)
        // One pass, by scalars: a title of two words goes with the pairs.
        var singleTitles: [FoldedWord] = []
        var titlePairs: [FoldedWord] = []
        for title in titles {
            if title.unicodeScalars.contains(" ") { titlePairs.append(FoldedWord(title)) } else { singleTitles.append(FoldedWord(title)) }
        }
        arabicTitles = WordSet(singleTitles)
        arabicTitlePairs = WordSet(titlePairs)
        arabicSpeechVerbs = fold(cues.arabicSpeechVerbs)
        arabicBylineCues = fold(cues.arabicBylineCues)
        arabicOrgHeads = fold(cues.arabicOrgHeads)
        arabicOrgHeadsNeedingName = fold(cues.arabicOrgHeadsNeedingName)
        arabicOrgHeadsOutside = fold(cues.arabicOrgHeadsOutside)
        arabicMediaHeads = fold(cues.arabicMediaHeads)
        arabicEventHeads = fold(cues.arabicEventHeads)
        arabicPlaceHeads = fold(cues.arabicPlaceHeads)
        arabicPlaceHeadsKeepHead = fold(cues.arabicPlaceHeadsKeepHead)
        arabicNotNames = WordSet((cues.arabicNotNames + cues.arabicSpeechVerbs).map { FoldedWord(folding: $0) } + singleTitles)
        arabicTimeNouns = fold(cues.arabicTimeNouns)
        arabicTimeAdjectives = fold(cues.arabicTimeAdjectives)
        arabicGivenNames = fold(names.arabic)
        arabicAmbiguousNames = fold(names.ambiguous)
        arabicParticles = fold(names.particles.arabic)
        englishTitles = Set(cues.englishTitles)
        englishSpeechVerbs = Set(cues.englishSpeechVerbs)
        englishBylineCues = Set(cues.englishBylineCues)
        englishOrgKeywords = Set(cues.englishOrgKeywords)
        englishEventKeywords = Set(cues.englishEventKeywords)
        englishPlaceKeywords = Set(cues.englishPlaceKeywords)
        englishOrgAfter = Set(cues.englishOrgAfter)
        englishActingAfter = Set(cues.englishActingAfter)
        englishMemberTitles = Set(cues.englishMemberTitles)
        englishLeaderBefore = Set(cues.englishLeaderBefore)
        englishDemonyms = Set(cues.englishDemonyms)
        // "at about 11:00pm (ACDT)": a time zone's abbreviation is no name.
        let zoneAbbreviations = ParseTable.rows("time-zones", "tsv").compactMap { row in
            row.first.flatMap { $0.count >= 3 && $0.allSatisfy(\.isLetter) ? $0.uppercased() : nil }
        }
        englishNotNames = Set(cues.englishNotNames).union(cues.englishDemonyms).union(zoneAbbreviations)
        englishNotEntities = Set(cues.englishNotEntities)
        webDomainSuffixes = Set(cues.webDomainSuffixes)
        englishGivenNames = Set(names.english).union(EnrichResource.decode([String].self, from: "english-given-names"))
        latinParticles = Set(names.particles.latin)
        placeContextWords = fold(cues.placeContextWords)
        englishWords = WordSet(EnrichResource.decode([String].self, from: "english-words").map { FoldedWord($0) })
    }
}
