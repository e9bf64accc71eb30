/// The known places, organisations and events of `EnrichData/` (generated
/// `places.json`, hand-written `place-aliases.json` and `organisations.json`),
/// merged by id and indexed by the folded first word of each name, so a
/// lookup per word finds every name that could start there.
struct Gazetteer: Sendable {
    struct Entry: Decodable, Sendable {
        var id: String
        var type: String
        var names: [String]
    }

    /// How the text's word must be written for a Latin name word to match.
    enum Case: Sendable {
        case any
        case capitalised
        case allCaps
    }

    struct Name: Sendable {
        var words: [FoldedWord]
        var cases: [Case]
        var type: Entity.Kind
        var id: String
    }

    struct Match {
        var start: Int
        var end: Int
        var firstWord: Int
        var lastWord: Int
        var name: Name
    }

    static let shared = Gazetteer()

    private let namesByFirstWord: WordTable<[Name]>

    private init() {
        var entries: [String: Entry] = [:]
        var order: [String] = []
        for file in ["places", "place-aliases", "organisations"] {
            for entry in EnrichResource.decode([Entry].self, from: file) {
                if var existing = entries[entry.id] {
                    existing.names += entry.names
                    entries[entry.id] = existing
                } else {
                    entries[entry.id] = entry
                    order.append(entry.id)
                }
            }
        }
        var index: [FoldedWord: [Name]] = [:]
        var firstWords: [FoldedWord] = []
        for id in order {
            guard let entry = entries[id], let type = Entity.Kind(rawValue: entry.type) else { continue }
            var seen: Set<[FoldedWord]> = []
            for name in entry.names {
                let words = EnrichTokeniser.tokens(of: name).filter { $0.kind == .word || $0.kind == .number }
                let folded = words.map(\.folded)
                guard let first = folded.first, seen.insert(folded).inserted else { continue }
                let cases = words.map { word -> Case in
                    guard word.script == .latin else { return .any }
                    if word.isAllCaps && word.text.count <= 6 { return .allCaps }
                    return word.isCapitalised ? .capitalised : .any
                }
                if index[first] == nil { firstWords.append(first) }
                index[first, default: []].append(Name(words: folded, cases: cases, type: type, id: id))
            }
        }
        namesByFirstWord = WordTable(firstWords.map { ($0, index[$0] ?? []) })
    }

    /// Whether some name starts with `word`.
    func startsName(_ word: FoldedWord) -> Bool { namesByFirstWord.contains(word) }

    /// Every longest name starting at word k (after Arabic clitics on that word).
    func match(at k: Int, in words: EntityWords) -> Match? {
        var best: Match?
        for reading in words.readings(k) {
            guard let names = namesByFirstWord[reading.stem] else { continue }
            for name in names {
                guard k + name.words.count <= words.count, fits(words[k], name.cases[0]) else { continue }
                var ok = true
                for offset in 1..<max(name.words.count, 1) where offset < name.words.count {
                    let word = words[k + offset]
                    if !words.joined[k + offset - 1] || word.folded != name.words[offset] || !fits(word, name.cases[offset]) {
                        ok = false
                        break
                    }
                }
                guard ok else { continue }
                let last = k + name.words.count - 1
                if let current = best, current.lastWord >= last { continue }
                best = Match(
                    start: words.start(k, skippingFolded: reading.prefixLength), end: words[last].end, firstWord: k,
                    lastWord: last, name: name)
            }
        }
        return best
    }

    private func fits(_ word: EnrichToken, _ rule: Case) -> Bool {
        switch rule {
        case .any: return true
        case .capitalised: return word.isCapitalised
        case .allCaps: return word.isAllCaps
        }
    }
}
