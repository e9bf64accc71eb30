/// Names introduced in «» or parentheses: an acronym or short name right
/// after an organisation or event names it too ("مجلس التوازن «توازن»",
/// "Legal Affairs Committee (JURI)"); an interview credit "لـ«الصباح»" names a
/// newspaper; «X» after an organisation word ("شركات … على غرار «أوراسكوم»")
/// is an organisation; a lone capitalised acronym in parentheses is one too.
enum QuotedNames {
    private static let openers: [String: String] = ["«": "»", "(": ")", "“": "”", "\"": "\""]
    private static let orgContext: WordSet = ["شركه", "شركات", "مجموعه", "صحيفه", "جريده", "قناه", "وكاله", "موقع", "مجله"]

    static func candidates(in input: EnrichInput, after found: [EntityCandidate]) -> [EntityCandidate] {
        let tokens = input.tokens
        var out: [EntityCandidate] = []
        for (index, token) in tokens.enumerated() where token.kind == .punctuation {
            guard let closer = openers[token.text] else { continue }
            var end = index + 1
            var wordCount = 0
            while end < tokens.count, tokens[end].kind == .word || tokens[end].kind == .number, wordCount < 4 {
                end += 1
                wordCount += 1
            }
            guard wordCount >= 1, end < tokens.count, tokens[end].text == closer else { continue }
            let inner = tokens[(index + 1)..<end]
            let start = inner.first!.start
            let stop = inner.last!.end
            if let previous = found.last(where: { $0.end <= token.start && token.start - $0.end <= 1 }),
                previous.type == .org || previous.type == .event, wordCount <= 2
            {
                out.append(EntityCandidate(start: start, end: stop, type: previous.type, id: nil, source: .cue))
                continue
            }
            if index > 0, tokens[index - 1].kind == .word, tokens[index - 1].folded == "ل", token.text == "«" || token.text == "\"" {
                out.append(EntityCandidate(start: start, end: stop, type: .org, id: nil, source: .context))
                continue
            }
            if token.text == "«", wordCount <= 3, hasOrgWordBefore(index, tokens) {
                out.append(EntityCandidate(start: start, end: stop, type: .org, id: nil, source: .cue))
                continue
            }
            // "11:00pm (ACDT)": a time zone's abbreviation (in `englishNotNames`) is none.
            if token.text == "(", wordCount == 1, inner.first!.script == .latin, inner.first!.isAllCaps,
                !EntityCues.shared.englishNotNames.contains(inner.first!.text)
            {
                out.append(EntityCandidate(start: start, end: stop, type: .org, id: nil, source: .pattern))
            }
        }
        return out
    }

    private static func hasOrgWordBefore(_ index: Int, _ tokens: [EnrichToken]) -> Bool {
        var seen = 0
        var i = index - 1
        while i >= 0, seen < 4, tokens[i].kind == .word {
            if orgContext.contains(tokens[i].folded) { return true }
            seen += 1
            i -= 1
        }
        return false
    }
}
